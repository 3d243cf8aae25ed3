package dev.rtproof.verifier.replay;

import dev.rtproof.dsl.ir.Hex;
import dev.rtproof.dsl.ir.Reg;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A concrete machine state to start a routine from, as a counterexample gives it: the registers (SP is
 * the entry SP, pointing at the return address), flags, FS/GS, where each data symbol is, the regions to
 * map, the initial bytes that matter, and what the calls to code without a routine and CPUID answer.
 * Built with {@link #builder()}; plain data, so playback tests can write it down.
 */
public final class InitialState {
  /** A mapped region. */
  public record Region(String name, long start, long size) {}

  /** Bytes {@code [start, start + size)} all hold {@code value}. */
  public record Fill(long start, long size, int value) {}

  /** What the {@code visit}-th call from the CALL at {@code site} returns with. */
  public record CallAnswer(long site, int visit, Map<Reg, Long> registers, long statusFlags, List<Fill> fills,
      Map<Long, Integer> bytes) {}

  private final long[] registers;
  private final long rflags;
  private final long fs;
  private final long gs;
  private final Map<String, Long> placement;
  private final List<Region> regions;
  private final List<Fill> fills;
  private final Map<Long, Integer> bytes;
  private final List<CallAnswer> calls;
  private final Map<Long, long[]> cpuid;

  private InitialState(Builder b) {
    this.registers = b.registers.clone();
    this.rflags = b.rflags;
    this.fs = b.fs;
    this.gs = b.gs;
    this.placement = Collections.unmodifiableMap(new LinkedHashMap<>(b.placement));
    this.regions = List.copyOf(b.regions);
    this.fills = List.copyOf(b.fills);
    this.bytes = Collections.unmodifiableMap(new TreeMap<>(b.bytes));
    this.calls = List.copyOf(b.calls);
    this.cpuid = Collections.unmodifiableMap(new TreeMap<>(b.cpuid));
  }

  public static Builder builder() {
    return new Builder();
  }

  public long register(Reg r) {
    return registers[r.number()];
  }

  public long rflags() {
    return rflags;
  }

  public long fs() {
    return fs;
  }

  public long gs() {
    return gs;
  }

  /** Data symbol addresses. */
  public Map<String, Long> placement() {
    return placement;
  }

  public List<Region> regions() {
    return regions;
  }

  public List<Fill> fills() {
    return fills;
  }

  /** Initial bytes by address (after the fills). */
  public Map<Long, Integer> bytes() {
    return bytes;
  }

  public List<CallAnswer> calls() {
    return calls;
  }

  /** CPUID answers by leaf: EAX, EBX, ECX, EDX. */
  public Map<Long, long[]> cpuid() {
    return cpuid;
  }

  /** The registers as {@code AX=0x… BX=0x…}, for one-line summaries. */
  public String registerSummary() {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < 16; i++) {
      b.append(i == 0 ? "" : " ").append(Reg.gpr(i)).append('=').append(Hex.of(registers[i]));
    }
    return b.append(" FS=").append(Hex.of(fs)).toString();
  }

  /** Builds an initial state. */
  public static final class Builder {
    private final long[] registers = new long[16];
    private long rflags = 0x202;
    private long fs;
    private long gs;
    private final Map<String, Long> placement = new LinkedHashMap<>();
    private final List<Region> regions = new ArrayList<>();
    private final List<Fill> fills = new ArrayList<>();
    private final Map<Long, Integer> bytes = new TreeMap<>();
    private final List<CallAnswer> calls = new ArrayList<>();
    private final Map<Long, long[]> cpuid = new TreeMap<>();

    public Builder register(Reg r, long value) {
      registers[r.number()] = value;
      return this;
    }

    public Builder rflags(long value) {
      rflags = value;
      return this;
    }

    public Builder fs(long value) {
      fs = value;
      return this;
    }

    public Builder gs(long value) {
      gs = value;
      return this;
    }

    public Builder symbol(String name, long address) {
      placement.put(name, address);
      return this;
    }

    public Builder region(String name, long start, long size) {
      regions.add(new Region(name, start, size));
      return this;
    }

    public Builder fill(long start, long size, int value) {
      fills.add(new Fill(start, size, value));
      return this;
    }

    /** Initial bytes from {@code address} on. */
    public Builder bytes(long address, int... values) {
      for (int i = 0; i < values.length; i++) {
        bytes.put(address + i, values[i] & 0xff);
      }
      return this;
    }

    public Builder call(CallAnswer answer) {
      calls.add(answer);
      return this;
    }

    public Builder cpuid(long leaf, long eax, long ebx, long ecx, long edx) {
      cpuid.put(leaf, new long[] {eax, ebx, ecx, edx});
      return this;
    }

    public InitialState build() {
      return new InitialState(this);
    }
  }
}
