package org.smc4j.sweep.internal;

/**
 * A seeded pseudo-random permutation of {@code [0, size)} that maps any index without expanding the
 * others: a four-round balanced Feistel network over the smallest even bit width that holds {@code
 * size}, with cycle walking (an output outside the range is encrypted again until it falls inside,
 * which keeps the map a bijection of the range). The round function is SplitMix64's finaliser, pure
 * {@code long} arithmetic, so every JVM gives the same order for the same seed.
 */
public final class IndexPermutation {

  private static final int ROUNDS = 4;

  private final long size;
  private final int halfBits;
  private final long halfMask;
  private final long[] roundKeys = new long[ROUNDS];

  /**
   * Creates the permutation.
   *
   * @param size the range's size, {@code >= 1} and {@code <= 2^62}
   * @param seed the seed
   * @throws IllegalArgumentException when the size is out of range
   */
  public IndexPermutation(long size, long seed) {
    if (size < 1 || size > (1L << 62)) {
      throw new IllegalArgumentException("size must be in [1, 2^62], was " + size);
    }
    this.size = size;
    int bits = Math.max(2, 64 - Long.numberOfLeadingZeros(size - 1));
    this.halfBits = (bits + 1) / 2;
    this.halfMask = (1L << halfBits) - 1;
    long s = seed;
    for (int r = 0; r < ROUNDS; r++) {
      s += 0x9E3779B97F4A7C15L;
      roundKeys[r] = mix(s);
    }
  }

  /**
   * Returns where an index goes.
   *
   * @param index in {@code [0, size)}
   * @return its image, in {@code [0, size)}; distinct indices have distinct images
   * @throws IndexOutOfBoundsException when the index is out of range
   */
  public long apply(long index) {
    if (index < 0 || index >= size) {
      throw new IndexOutOfBoundsException("index " + index + " out of [0, " + size + ")");
    }
    long x = index;
    do {
      x = encrypt(x);
    } while (x >= size);
    return x;
  }

  private long encrypt(long x) {
    long left = x >>> halfBits;
    long right = x & halfMask;
    for (int r = 0; r < ROUNDS; r++) {
      long next = left ^ (mix(right ^ roundKeys[r]) & halfMask);
      left = right;
      right = next;
    }
    return (left << halfBits) | right;
  }

  /** SplitMix64's output function (Steele, Lea, Flood 2014). */
  static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }
}
