package io.smlfusion.stream;

/** One Kafka record as a stream reads it: where it is and its value (null for a tombstone). */
record ConsumedRecord(int partition, long offset, byte[] value) {
}
