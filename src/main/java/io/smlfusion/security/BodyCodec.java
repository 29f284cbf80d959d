package io.smlfusion.security;

/**
 * Encrypts and decrypts entity bodies with a customer's secret key (spec §3): the encrypted
 * {@code FusionCellInfoList}, the {@code cellsStatus} answer and the other "encrypted with the user
 * secret key" entities. The wire form is always a bare Base64 string.
 */
public interface BodyCodec {

    /**
     * @param secretBase64  the customer's secret key
     * @param plaintextJson the JSON text to protect; encrypted as UTF-8
     * @return the Base64 wire form
     */
    String encrypt(String secretBase64, String plaintextJson);

    /**
     * @param secretBase64 the customer's secret key
     * @param base64Body   the Base64 wire form
     * @return the JSON text
     * @throws BodyDecryptionException when the body is not Base64, was not encrypted with this key
     *                                 and scheme, or (authenticated schemes) was altered
     */
    String decrypt(String secretBase64, String base64Body);
}
