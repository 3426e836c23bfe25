package dev.mailbench.lesson;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class MessageSenderTest {

    @Test
    void aMessageIsTheStudentsWhoseEnvelopeSenderItIs() {
        Map<String, List<String>> headers = Map.of(
                "Return-Path", List.of("<Student07@example.test>"),
                "Received", List.of("from laptop ([192.0.2.7]) by mail.example.test with ESMTP id 1; Tue, 1 Oct 2024"));

        assertThat(MessageSender.is(headers, "student07")).isTrue();
        assertThat(MessageSender.is(headers, "student08")).isFalse();
    }

    @Test
    void aMessageIsTheStudentsWhoLoggedInToSendIt() {
        Map<String, List<String>> headers = Map.of(
                "Return-Path", List.of("<bob@example.test>"),
                "Received", List.of("from laptop ([192.0.2.7]) (Authenticated sender: student07) by mail.example.test "
                        + "with ESMTPA id 1; Tue, 1 Oct 2024"));

        assertThat(MessageSender.is(headers, "STUDENT07")).isTrue();
        assertThat(MessageSender.is(headers, "bob")).as("the envelope sender too").isTrue();
    }

    @Test
    void onlyTheFieldsTheServerPutInFrontCount() {
        // the server's own fields come first; the ones after them were typed into the message by its sender
        Map<String, List<String>> headers = new LinkedHashMap<>();
        headers.put("Return-Path", List.of("<student08@example.test>", "<student07@example.test>"));
        headers.put("Received", List.of("from laptop ([192.0.2.8]) by mail.example.test with ESMTP id 2; Tue, 1 Oct 2024",
                "from x (Authenticated sender: student07) by y; Tue, 1 Oct 2024"));

        assertThat(MessageSender.is(headers, "student07")).isFalse();
        assertThat(MessageSender.is(headers, "student08")).isTrue();
    }

    @Test
    void aBounceNamesNobody() {
        assertThat(MessageSender.is(Map.of("Return-Path", List.of("<>")), "student07")).isFalse();
        assertThat(MessageSender.is(Map.of("Return-Path", List.of("<>")), "")).isFalse();
        assertThat(MessageSender.is(Map.of(), "student07")).isFalse();
    }

    @Test
    void aClassViewOfTheMailboxesHoldsOnlyTheStudentsMessages() throws Exception {
        Map<String, List<String>> mine = Map.of("Return-Path", List.of("<student07@example.test>"),
                "Subject", List.of("mine"));
        Map<String, List<String>> theirs = Map.of("Return-Path", List.of("<student08@example.test>"),
                "Subject", List.of("theirs"));
        MailboxView all = user -> user.equals("alice") ? List.of(mine, theirs) : List.of();

        assertThat(all.sentBy("student07").headers("alice")).containsExactly(mine);
        assertThat(all.sentBy("student07").headers("bob")).isEmpty();
    }
}
