package dev.rtproof.processor.internal;

import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

/** Reads the bytecode size of each method of a class file (JVMS §4), to check generated methods stay small. */
final class ClassFileMethods {
  private ClassFileMethods() {}

  static Map<String, Integer> codeSizes(byte[] classFile) throws IOException {
    DataInputStream in = new DataInputStream(new ByteArrayInputStream(classFile));
    in.readInt(); // magic
    in.readUnsignedShort();
    in.readUnsignedShort();
    int count = in.readUnsignedShort();
    String[] utf8 = new String[count];
    for (int i = 1; i < count; i++) {
      int tag = in.readUnsignedByte();
      switch (tag) {
        case 1 -> utf8[i] = in.readUTF();
        case 3, 4, 9, 10, 11, 12, 17, 18 -> in.readInt();
        case 5, 6 -> {
          in.readLong();
          i++;
        }
        case 7, 8, 16, 19, 20 -> in.readUnsignedShort();
        case 15 -> {
          in.readUnsignedByte();
          in.readUnsignedShort();
        }
        default -> throw new IOException("constant pool tag " + tag);
      }
    }
    in.readUnsignedShort();
    in.readUnsignedShort();
    in.readUnsignedShort();
    in.skipBytes(2 * in.readUnsignedShort());
    skipMembers(in, null, null);
    Map<String, Integer> sizes = new LinkedHashMap<>();
    skipMembers(in, utf8, sizes);
    return sizes;
  }

  /** Reads fields ({@code sizes} null) or methods, recording each method's Code length. */
  private static void skipMembers(DataInputStream in, String[] utf8, Map<String, Integer> sizes) throws IOException {
    int members = in.readUnsignedShort();
    for (int m = 0; m < members; m++) {
      in.readUnsignedShort();
      int name = in.readUnsignedShort();
      in.readUnsignedShort();
      int attributes = in.readUnsignedShort();
      for (int a = 0; a < attributes; a++) {
        int attrName = in.readUnsignedShort();
        int length = in.readInt();
        if (sizes != null && "Code".equals(utf8[attrName])) {
          in.readUnsignedShort();
          in.readUnsignedShort();
          int code = in.readInt();
          sizes.put(utf8[name], code);
          in.skipBytes(length - 8);
        } else {
          in.skipBytes(length);
        }
      }
    }
  }
}
