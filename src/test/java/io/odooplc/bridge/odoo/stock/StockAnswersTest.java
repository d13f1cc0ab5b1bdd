package io.odooplc.bridge.odoo.stock;

import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.odooplc.bridge.odoo.OdooAnswer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/** How stock Odoo's versions and error answers are read (plant-contract §7.1, §7.2). */
class StockAnswersTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @ParameterizedTest
    @CsvSource({"14.0,14,false,quantity_done", "16.0+e,16,false,quantity_done", "17.0,17,false,quantity",
        "saas~18.1,18,false,quantity", "19.0,19,true,quantity"})
    void theMajorVersionDecidesTransportAndFields(String server, int major, boolean json2, String doneField) {
        StockVersion v = StockVersion.parse(server);

        assertThat(v.major()).isEqualTo(major);
        assertThat(v.json2()).isEqualTo(json2);
        assertThat(v.doneField()).isEqualTo(doneField);
        assertThat(v.markDoneContext()).containsKey(major >= 17 ? "skip_redirection" : "skip_immediate");
    }

    @Test
    void versionsBefore14AreNotSpoken() {
        assertThat(StockVersion.parse("13.0").supported()).isFalse();
        assertThat(StockVersion.parse("nonsense").supported()).isFalse();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "200|{\"error\":{\"code\":200,\"data\":{\"name\":\"odoo.exceptions.UserError\",\"message\":\"no\"}}}|true|false",
        "200|{\"error\":{\"code\":200,\"data\":{\"name\":\"odoo.exceptions.UserError\",\"message\":\"Object maintenance.request doesn't exist\"}}}|false|false",
        "200|{\"error\":{\"code\":200,\"data\":{\"name\":\"builtins.ValueError\",\"message\":\"Invalid field 'quantity' on model 'stock.move'\"}}}|false|false",
        "200|{\"error\":{\"code\":200,\"data\":{\"name\":\"psycopg2.errors.SerializationFailure\",\"message\":\"could not serialize\"}}}|false|true",
        "422|{\"name\":\"odoo.exceptions.ValidationError\",\"message\":\"bad\"}|true|false",
        "409|{\"name\":\"odoo.exceptions.ConcurrencyError\",\"message\":\"locked\"}|false|true",
        "404|{\"name\":\"werkzeug.exceptions.NotFound\",\"message\":\"404\"}|false|false",
    })
    void errorsAreBusinessTransientOrNeither(int status, String body, boolean business, boolean transientError)
            throws Exception {
        JsonNode json = JSON.readTree(body);

        assertThat(StockErrors.isBusiness(status, json)).isEqualTo(business);
        assertThat(StockErrors.isTransient(status, json)).isEqualTo(transientError);
        assertThat(StockErrors.outcomeTag(new OdooAnswer(StockTarget.jsonRpc("x.y"), status, json, Optional.empty())))
                .isEqualTo(business ? "rejected" : "rpc_error");
    }

    @Test
    void aSuccessIsCountedAsSuch() throws Exception {
        JsonNode json = JSON.readTree("{\"jsonrpc\":\"2.0\",\"id\":1,\"result\":[]}");
        assertThat(StockErrors.outcomeTag(new OdooAnswer(StockTarget.jsonRpc("x.y"), 200, json, Optional.empty())))
                .isEqualTo("success");
        assertThat(StockErrors.describe(422, JSON.readTree("{\"name\":\"odoo.exceptions.UserError\",\"message\":"
                + "\"The quantity to produce must be positive!\"}")))
                .isEqualTo("UserError: The quantity to produce must be positive!");
    }
}
