package io.odooplc.bridge.config;

import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** Start-up validation does what the declarations in {@link SettingsSchema} say, setting by setting. */
class SettingsValidationTest {

    @Test
    void everyDeclaredDefaultPassesItsOwnType() {
        for (Setting s : SettingsSchema.ALL) {
            if (s.defaultValue() != null && s.type().parser() != null) {
                s.type().parser().parse(s.name(), s.defaultValue());
            }
        }
        assertThat(TestSettings.load(Map.of()).schedules()).hasSize(Task.values().length);
    }

    @Test
    void theBridgeRefusesEveryValueADeclarationRefusesWithTheDeclaredRule() {
        int refused = 0;
        for (Setting s : SettingsSchema.ALL) {
            for (String value : s.type().refused()) {
                if (s.type().parser() != null) {
                    assertThatThrownBy(() -> s.type().parser().parse(s.name(), value))
                            .as("the declared type of %s refuses '%s'", s.name(), value)
                            .isInstanceOf(InvalidSettingException.class);
                }
                InvalidSettingException e = catchThrowableOfType(InvalidSettingException.class,
                        () -> TestSettings.load(Map.of(s.name(), value)));
                assertThat(e).as("%s='%s' stops the bridge", s.name(), value).isNotNull();
                assertThat(e.variable()).isEqualTo(s.name());
                assertThat(e.getMessage()).as("the error states the declared rule").contains(s.type().allowed());
                refused++;
            }
        }
        assertThat(refused).as("values tried").isGreaterThan(SettingsSchema.ALL.size());
    }

    @Test
    void everySettingIsDeclaredOnce() {
        assertThat(SettingsSchema.ALL.stream().map(Setting::name)).doesNotHaveDuplicates();
        for (Task task : Task.values()) {
            assertThat(SettingsSchema.named(task.flag())).as(task.flag()).isPresent();
            assertThat(SettingsSchema.named(task.intervalKey())).as(task.intervalKey()).isPresent();
            assertThat(SettingsSchema.named(task.minutesKey())).as(task.minutesKey()).isPresent();
        }
    }
}
