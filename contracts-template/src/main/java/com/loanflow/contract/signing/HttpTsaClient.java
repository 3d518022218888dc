package com.loanflow.contract.signing;

import com.itextpdf.kernel.crypto.DigestAlgorithms;
import com.itextpdf.signatures.TSAClientBouncyCastle;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

/**
 * iText's RFC 3161 client with timeouts. iText sends the request over a {@code URLConnection} with no connect or
 * read timeout, so a TSA that accepts the connection and never answers held the signing request, the application's
 * row lock and a database connection indefinitely; here it fails the signing after {@code connectTimeout} +
 * {@code requestTimeout}, as a refused connection always did. Token checks (imprint, nonce, status) stay iText's.
 */
public final class HttpTsaClient extends TSAClientBouncyCastle {

    private final HttpClient http;
    private final Duration requestTimeout;

    public HttpTsaClient(String url, Duration connectTimeout, Duration requestTimeout) {
        super(url, null, null, 8192, DigestAlgorithms.SHA256);
        // HTTP/1.1 as iText's client speaks it: no h2c upgrade offered to TSAs and proxies that mishandle it
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(connectTimeout).build();
        this.requestTimeout = requestTimeout;
    }

    @Override
    protected byte[] getTSAResponse(byte[] request) throws IOException {
        HttpRequest post = HttpRequest.newBuilder(URI.create(tsaURL)).timeout(requestTimeout)
                .header("Content-Type", "application/timestamp-query")
                .POST(HttpRequest.BodyPublishers.ofByteArray(request)).build();
        HttpResponse<byte[]> response;
        try {
            response = http.send(post, HttpResponse.BodyHandlers.ofByteArray());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while waiting for the time-stamp authority");
        }
        if (response.statusCode() != 200) {
            throw new IOException("The time-stamp authority answered HTTP " + response.statusCode());
        }
        byte[] body = response.body();
        // some TSAs answer base64, as iText's own client allows
        boolean base64 = response.headers().firstValue("Content-Transfer-Encoding")
                .map(encoding -> encoding.equalsIgnoreCase("base64")).orElse(false);
        return base64 ? Base64.getMimeDecoder().decode(new String(body, StandardCharsets.US_ASCII)) : body;
    }
}
