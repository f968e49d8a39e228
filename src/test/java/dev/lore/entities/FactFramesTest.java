package dev.lore.entities;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FactFramesTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "The CEO is Bob Jones | The CEO is Jane Smith",
            "The CEO is now Bob Jones | The CEO is Jane Smith",
            "Acme is headquartered in Munich | Acme is headquartered in Berlin",
            "The Pro plan costs $12 per month | The Pro plan costs $10 per month",
            "The project is active again | The project is on hold",
            "Bob now works at Globex | Bob works at Initech",
            "Acme uses MySQL for billing | Acme uses PostgreSQL for billing" })
    void aChangedValueInTheSameFrameContradicts(String newer, String older) {
        assertThat(FactFrames.contradicts(newer, older)).isTrue();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "The CTO is Bob Jones | The CEO is Jane Smith",
            "Acme has 500 employees | Acme is headquartered in Berlin",
            "Acme has an office in Munich | Acme is headquartered in Berlin",
            "The project lead is Carol | The project is on hold",
            "Bob lives in Austin | Bob works at Initech",
            "Acme uses Redis for caching | Acme uses PostgreSQL for billing",
            "The CEO is Jane Smith | The CEO is Jane Smith",
            "Jane Smith is the CEO | The CEO is Jane Smith" })
    void compatibleOrRepeatedFactsDoNot(String newer, String older) {
        assertThat(FactFrames.contradicts(newer, older)).isFalse();
    }
}
