package org.smc4j.sweep.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.BitSet;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

class IndexPermutationProperties {

  @Property(tries = 200)
  void shouldMapTheRangeOntoItself(
      @ForAll @IntRange(min = 1, max = 5000) int size, @ForAll long seed) {
    IndexPermutation p = new IndexPermutation(size, seed);
    BitSet hit = new BitSet(size);
    for (int i = 0; i < size; i++) {
      long image = p.apply(i);
      assertThat(image).isBetween(0L, size - 1L);
      hit.set((int) image);
    }
    assertThat(hit.cardinality()).isEqualTo(size);
  }
}
