package dev.lore.search.vector;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/** Unit-length float vectors: their dot product is their cosine similarity. */
public final class Vectors {

    private static final VarHandle STORED_FLOAT = MethodHandles.byteArrayViewVarHandle(float[].class,
            ByteOrder.LITTLE_ENDIAN);

    private Vectors() {
    }

    /** Dot product of two vectors of the same length; four accumulators let the JIT overlap the multiplications. */
    public static float dot(float[] a, float[] b) {
        return dot(a, b, 0, a.length);
    }

    /** Dot product of {@code query} with the vector stored at {@code offset} in {@code block}. */
    static float dot(float[] query, float[] block, int offset, int length) {
        float s0 = 0, s1 = 0, s2 = 0, s3 = 0;
        int i = 0;
        for (; i + 3 < length; i += 4) {
            s0 += query[i] * block[offset + i];
            s1 += query[i + 1] * block[offset + i + 1];
            s2 += query[i + 2] * block[offset + i + 2];
            s3 += query[i + 3] * block[offset + i + 3];
        }
        for (; i < length; i++) {
            s0 += query[i] * block[offset + i];
        }
        return (s0 + s1) + (s2 + s3);
    }

    /**
     * Dot product of {@code query} with the byte vector stored at {@code offset} in {@code codes}: the loop above over
     * bytes (a shared generic version would box every component).
     */
    static float dot(float[] query, byte[] codes, int offset, int length) {
        float s0 = 0, s1 = 0, s2 = 0, s3 = 0;
        int i = 0;
        for (; i + 3 < length; i += 4) {
            s0 += query[i] * codes[offset + i];
            s1 += query[i + 1] * codes[offset + i + 1];
            s2 += query[i + 2] * codes[offset + i + 2];
            s3 += query[i + 3] * codes[offset + i + 3];
        }
        for (; i < length; i++) {
            s0 += query[i] * codes[offset + i];
        }
        return (s0 + s1) + (s2 + s3);
    }

    /**
     * Dot product of {@code query} with a vector as stored in SQLite ({@link #toBytes}), read in place: a search
     * compares the query with hundreds of stored passages, and a float copy of each was a fifth of what searches
     * allocated.
     */
    static float dot(float[] query, byte[] stored) {
        float s0 = 0, s1 = 0, s2 = 0, s3 = 0;
        int i = 0;
        for (; i + 3 < query.length; i += 4) {
            s0 += query[i] * (float) STORED_FLOAT.get(stored, i * Float.BYTES);
            s1 += query[i + 1] * (float) STORED_FLOAT.get(stored, (i + 1) * Float.BYTES);
            s2 += query[i + 2] * (float) STORED_FLOAT.get(stored, (i + 2) * Float.BYTES);
            s3 += query[i + 3] * (float) STORED_FLOAT.get(stored, (i + 3) * Float.BYTES);
        }
        for (; i < query.length; i++) {
            s0 += query[i] * (float) STORED_FLOAT.get(stored, i * Float.BYTES);
        }
        return (s0 + s1) + (s2 + s3);
    }

    /** Little-endian float32: how vectors are stored in SQLite. */
    public static byte[] toBytes(float[] vector) {
        ByteBuffer bytes = ByteBuffer.allocate(vector.length * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
        bytes.asFloatBuffer().put(vector);
        return bytes.array();
    }

    static float[] fromBytes(byte[] bytes) {
        float[] vector = new float[bytes.length / Float.BYTES];
        ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(vector);
        return vector;
    }

    /** pgvector's text form, e.g. {@code [0.1,0.2]}. */
    public static String toPgVector(float[] vector) {
        StringBuilder text = new StringBuilder(vector.length * 10).append('[');
        for (int i = 0; i < vector.length; i++) {
            if (i > 0) {
                text.append(',');
            }
            text.append(vector[i]);
        }
        return text.append(']').toString();
    }
}
