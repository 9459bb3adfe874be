package io.aisle.server.api;

/** The small product photo the image API tests upload, shared with the console tests. */
public final class ImagesApiTestPhoto {
    private ImagesApiTestPhoto() {}

    public static String base64() { return ImagesApiTest.photoBase64(); }
}
