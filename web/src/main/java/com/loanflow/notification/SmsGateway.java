package com.loanflow.notification;

/** Sends a text message to a borrower's phone. The sandbox implementation keeps an outbox instead of a carrier. */
public interface SmsGateway {

    void send(String phone, String text);
}
