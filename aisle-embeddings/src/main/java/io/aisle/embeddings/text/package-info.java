/** The sentence encoder (all-MiniLM-L6-v2 through ONNX Runtime) and the text embedded for a product. */
package io.aisle.embeddings.text;
