package io.drydock.support.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class QueryStringsTest {

  @Test
  void wellFormedQueryStringsDecode() {
    assertThat(QueryStrings.wellFormed(null)).isTrue();
    assertThat(QueryStrings.wellFormed("")).isTrue();
    assertThat(QueryStrings.wellFormed("reason=kernel%20upgrade&jsonp=f&flag")).isTrue();
    assertThat(QueryStrings.wellFormed("a=%C3%A9%E6%BC%A2&&b=")).isTrue();
  }

  @Test
  void badPercentEncodingOrInvalidUtf8IsMalformed() {
    assertThat(QueryStrings.wellFormed("x=%ZZ")).isFalse();
    assertThat(QueryStrings.wellFormed("%ZZ=1")).isFalse();
    assertThat(QueryStrings.wellFormed("x=%2")).isFalse();
    assertThat(QueryStrings.wellFormed("x=abc%")).isFalse();
    assertThat(QueryStrings.wellFormed("x=%C3%28")).isFalse();
  }
}
