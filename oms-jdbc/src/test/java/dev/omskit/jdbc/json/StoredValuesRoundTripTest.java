package dev.omskit.jdbc.json;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class StoredValuesRoundTripTest {
    @Test
    void tmp() {
        StoredValues v = StoredValues.run();
        assertThat(v.orders).isNotEmpty();
    }
}
