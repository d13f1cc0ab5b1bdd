package io.odooplc.bridge.odoo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/** One reading of every Odoo answer, enveloped or bare (plant-contract #27). */
class OdooEnvelopeTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static JsonNode json(String text) throws Exception {
        return JSON.readTree(text.replace('\'', '"'));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "{'jsonrpc':'2.0','id':null,'result':{'status':'success','message':'Manufacturing order cancelled successfully','mo_state':'cancel'}}",
        "{'status':'success','message':'Manufacturing order cancelled successfully','mo_state':'cancel'}",
    })
    void envelopedAndBareSuccessReadTheSame(String body) throws Exception {
        OdooReply reply = OdooEnvelope.reply(json(body));
        assertThat(reply.outcome()).isEqualTo(OdooReply.Outcome.SUCCESS);
        assertThat(reply.message()).isEqualTo("Manufacturing order cancelled successfully");
        assertThat(reply.body().path("mo_state").asText()).isEqualTo("cancel");
    }

    @Test
    void okCountsAsSuccess() throws Exception {
        assertThat(OdooEnvelope.reply(json("{'result':{'status':'ok'}}")).isSuccess()).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "{'jsonrpc':'2.0','result':{'status':'success','message':'MO updated with some errors','errors':['silo999: Equipment not found','silo888: No raw material move found for this equipment']}}",
        "{'status':'success','message':'MO updated with some errors','errors':['silo999: Equipment not found','silo888: No raw material move found for this equipment']}",
    })
    void errorsListMakesAPartialSuccess(String body) throws Exception {
        OdooReply reply = OdooEnvelope.reply(json(body));
        assertThat(reply.outcome()).isEqualTo(OdooReply.Outcome.PARTIAL);
        assertThat(reply.message()).isEqualTo("partial success: silo999: Equipment not found; "
                + "silo888: No raw material move found for this equipment");
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "{'jsonrpc':'2.0','result':{'status':'error','message':'Cannot update MO WH/MO/00013 in state done'}}",
        "{'status':'error','message':'Cannot update MO WH/MO/00013 in state done'}",
    })
    void statusErrorIsARejectionWithOdoosMessage(String body) throws Exception {
        OdooReply reply = OdooEnvelope.reply(json(body));
        assertThat(reply.outcome()).isEqualTo(OdooReply.Outcome.REJECTED);
        assertThat(reply.message()).isEqualTo("Cannot update MO WH/MO/00013 in state done");
    }

    @Test
    void jsonRpcErrorMemberIsAFailureEvenBesideAResult() throws Exception {
        JsonNode body = json("{'jsonrpc':'2.0','result':{'status':'success'},'error':{'code':200,"
                + "'message':'Odoo Server Error','data':{'name':'builtins.KeyError','message':'mo_id'}}}");
        OdooReply reply = OdooEnvelope.reply(body);
        assertThat(reply.outcome()).isEqualTo(OdooReply.Outcome.FAILED);
        assertThat(reply.message()).isEqualTo("Odoo error: 200 Odoo Server Error: mo_id");
        assertThat(OdooEnvelope.isSessionExpired(body)).isFalse();
    }

    @Test
    void sessionExpiredIsRecognisedByCodeOrExceptionName() throws Exception {
        assertThat(OdooEnvelope.isSessionExpired(json("{'error':{'code':100,'message':'Odoo Session Expired'}}")))
                .isTrue();
        assertThat(OdooEnvelope.isSessionExpired(json("{'error':{'code':300,'data':"
                + "{'name':'odoo.http.SessionExpiredException'}}}"))).isTrue();
        assertThat(OdooEnvelope.isSessionExpired(json("{'result':{'status':'success'}}"))).isFalse();
    }

    @Test
    void answerWithoutStatusIsAFailureNotASuccess() throws Exception {
        OdooReply reply = OdooEnvelope.reply(json("{'result':{'uid':2}}"));
        assertThat(reply.outcome()).isEqualTo(OdooReply.Outcome.FAILED);
        assertThat(reply.message()).startsWith("unexpected answer from Odoo (no status)");
    }
}
