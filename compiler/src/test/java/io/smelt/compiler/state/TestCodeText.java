package io.smelt.compiler.state;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TestCodeText {
    @Test
    void whitespaceAndCommentsDoNotCount() {
        String before = "select a,b from t -- note\nwhere x = 1";
        String after = """
                /* header */
                {# a Jinja comment #}
                select a, b
                from   t
                where x=1   -- another note
                """;
        assertThat(CodeText.normalize(after)).isEqualTo(CodeText.normalize(before)).isEqualTo("select a,b from t where x=1");
    }

    @Test
    void wordsStayApart() {
        assertThat(CodeText.normalize("select\n\ta\nfrom t")).isEqualTo("select a from t");
        assertThat(CodeText.normalize("select a from t")).isNotEqualTo(CodeText.normalize("select afrom t"));
    }

    @Test
    void literalsAndQuotedNamesAreKeptAsWritten() {
        assertThat(CodeText.normalize("select 'a  -- b' as \"x  /* y */\"")).isEqualTo("select 'a  -- b' as \"x  /* y */\"");
        assertThat(CodeText.normalize("select 'it''s  {# x #}'")).isEqualTo("select 'it''s  {# x #}'");
        assertThat(CodeText.normalize("select 'a b'")).isNotEqualTo(CodeText.normalize("select 'a  b'"));
    }

    @Test
    void jinjaCodeChangesCount() {
        assertThat(CodeText.normalize("{{ ref('a') }}")).isEqualTo(CodeText.normalize("{{ref('a')}}"));
        assertThat(CodeText.normalize("{{- ref('a') }}")).isNotEqualTo(CodeText.normalize("{{ ref('a') }}"));
    }
}
