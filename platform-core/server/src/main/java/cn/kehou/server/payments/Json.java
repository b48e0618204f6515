package cn.kehou.server.payments;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.util.LinkedHashMap;
import java.util.Map;

/** The few JSON columns payments writes by hand (account code → fen maps). */
final class Json {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private Json() {
    }

    static String write(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }

    static Map<String, Long> longs(String json) {
        try {
            return json == null ? new LinkedHashMap<>() : MAPPER.readValue(json, new TypeReference<LinkedHashMap<String, Long>>() { });
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }
}
