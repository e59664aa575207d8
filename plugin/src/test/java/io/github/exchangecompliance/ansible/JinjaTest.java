package io.github.exchangecompliance.ansible;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.exchangecompliance.model.Location;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JinjaTest {

    private static final Location AT = Location.startOf(Path.of("x.yml"));
    private static final Location VAR_AT = new Location(Path.of("group_vars/all.yml"), 3, 7);

    private final Jinja jinja = new Jinja(vars());

    private static Map<String, Var> vars() {
        Map<String, Var> vars = new LinkedHashMap<>();
        vars.put("enabled", new Var(false, VAR_AT));
        vars.put("port", new Var(25L, VAR_AT));
        vars.put("name", new Var("Server", VAR_AT));
        vars.put("nested", new Var("{{ port }}", VAR_AT));
        Map<String, Object> item = new LinkedHashMap<>();
        item.put("key", new Var("SchUseStrongCrypto", VAR_AT));
        item.put("value", new Var("1", VAR_AT));
        vars.put("item", new Var(item, VAR_AT));
        vars.put("list", new Var(List.of(new Var("a", VAR_AT), new Var("b", VAR_AT)), VAR_AT));
        return vars;
    }

    @Test
    void evaluatesVariablesAndKeepsTheirLocation() throws Unresolved {
        Var port = jinja.render("{{ port }}", AT);
        assertThat(port.value()).isEqualTo(25L);
        assertThat(port.location()).isEqualTo(VAR_AT);
        assertThat(jinja.render("TLS 1.2\\{{ name }}", AT).value()).isEqualTo("TLS 1.2\\Server");
        assertThat(jinja.render("{{ item.key }}", AT).value()).isEqualTo("SchUseStrongCrypto");
        assertThat(jinja.render("{{ item['value'] | int }}", AT).value()).isEqualTo(1L);
        assertThat(jinja.render("{{ list[1] }}", AT).value()).isEqualTo("b");
        assertThat(jinja.render("{{ nested }}", AT).value()).isEqualTo(25L);
    }

    @Test
    void anExpressionParsedOnceIsEvaluatedWithEachCallersVariablesEvenPastTheParsedOnesKept() throws Unresolved {
        // Expressions are parsed once a text, for all hosts: the values must still come from each host's variables.
        Map<String, Var> other = vars();
        other.put("port", new Var(587L, AT));
        other.put("list", new Var(List.of(new Var("c", AT)), AT));
        for (int round = 0; round < 2; round++) {
            for (int i = 0; i < 5000; i++) {
                assertThat(jinja.render("{{ missing" + i + " | default(" + i + ") }}", AT)
                                .value())
                        .isEqualTo((long) i);
            }
            assertThat(jinja.render("{{ port | default(1) }}", AT).value()).isEqualTo(25L);
            assertThat(new Jinja(other).render("{{ port | default(1) }}", AT).value())
                    .isEqualTo(587L);
            assertThat(jinja.render("{{ list[1] }}", AT).value()).isEqualTo("b");
            assertThatThrownBy(() -> new Jinja(other).render("{{ list[1] }}", AT))
                    .isInstanceOf(Unresolved.class)
                    .hasMessageContaining("'list[1]' is not defined");
        }
    }

    @Test
    void deeplyNestedFiltersAndAMillionNotsAreAnswersNotAStackOverflow() throws Unresolved {
        String nested = "port | d(".repeat(100_000) + "1" + ")".repeat(100_000);
        assertThatThrownBy(() -> jinja.render("{{ " + nested + " }}", AT)).isInstanceOf(Unresolved.class);
        assertThat(jinja.render("{{ port | d(name | d(1)) }}", AT).value()).isEqualTo(25L);
        assertThat(jinja.decide("not ".repeat(1_000_000) + "enabled", AT)).isFalse();
        assertThat(jinja.decide("not ".repeat(999_999) + "enabled", AT)).isTrue();
        assertThat(jinja.decide("not \t not enabled", AT)).isFalse();
    }

    @Test
    void evaluatesTheCommonFilters() throws Unresolved {
        assertThat(jinja.render("{{ enabled | ternary('1', '0') }}", AT).value())
                .isEqualTo("0");
        assertThat(jinja.render("{{ missing | default(7) }}", AT).value()).isEqualTo(7L);
        assertThat(jinja.render("{{ missing | d('x') | upper }}", AT).value()).isEqualTo("X");
        assertThat(jinja.render("{{ 'YES' | lower | bool }}", AT).value()).isEqualTo(true);
        assertThat(jinja.render("{{ '0x10' | int }}", AT).value()).isEqualTo(16L);
        assertThat(jinja.render("{{ port | string }}", AT).value()).isEqualTo("25");
        assertThat(jinja.render("{{ item | dict2items }}", AT).value())
                .asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.LIST)
                .hasSize(2);
    }

    @Test
    void numbersBeyondSixtyFourBitsAndOutlandishIndexesNeitherCrashNorResolve() throws Unresolved {
        assertThat(jinja.render("{{ 99999999999999999999999 }}", AT).value()).isEqualTo("99999999999999999999999");
        assertThat(jinja.render("{{ 99999999999999999999999 | int }}", AT).value())
                .isEqualTo(0L);
        for (String index : List.of("{{ list[99999999999] }}", "{{ list['-1'] }}", "{{ list.99999999999 }}")) {
            assertThatThrownBy(() -> jinja.render(index, AT)).as(index).isInstanceOf(Unresolved.class);
        }
    }

    @Test
    void doesNotGuess() {
        assertThatThrownBy(() -> jinja.render("{{ missing }}", AT))
                .isInstanceOf(Unresolved.class)
                .hasMessageContaining("'missing' is not defined");
        assertThatThrownBy(() -> jinja.render("{{ name | regex_replace('S', 's') }}", AT))
                .hasMessageContaining("regex_replace");
        assertThatThrownBy(() -> jinja.render("{{ port + 1 }}", AT)).isInstanceOf(Unresolved.class);
        assertThatThrownBy(() -> jinja.render("{% if enabled %}1{% endif %}", AT))
                .isInstanceOf(Unresolved.class);
    }

    @Test
    void decidesSimpleConditions() throws Unresolved {
        assertThat(jinja.decide("not enabled", AT)).isTrue();
        assertThat(jinja.decide("name == 'Server'", AT)).isTrue();
        assertThat(jinja.decide("port != 25", AT)).isFalse();
        assertThatThrownBy(() -> jinja.decide("enabled and port", AT)).isInstanceOf(Unresolved.class);
        assertThatThrownBy(() -> jinja.decide("result is defined", AT)).isInstanceOf(Unresolved.class);
    }
}
