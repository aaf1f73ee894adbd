using EdgeML.Compiler.Onnx;
using EdgeML.Runtime.Model;
using EdgeML.Runtime.Tensors;

// The tiny CNN of samples/tiny-cnn: a 28x28 grey image classifier with the layer mix of a real
// vision model (conv, pooling, depthwise conv, batch norm, global pooling, dense, softmax). Its
// weights are deterministic He-initialised values, not trained: it exists to show compile, run
// and the comparison with ONNX Runtime on any machine.
string output = args.Length > 0 ? args[0] : Path.Combine("samples", "tiny-cnn", "tiny_cnn.onnx");
var rng = new Random(2026);
float[] He(int n, int fanIn) => Enumerable.Range(0, n).Select(_ => (float)(NextGaussian(rng) * Math.Sqrt(2.0 / fanIn))).ToArray();
float[] Small(int n) => Enumerable.Range(0, n).Select(_ => (float)(rng.NextDouble() * 0.2 - 0.1)).ToArray();

var m = new OnnxModelBuilder(13).Metadata("description", "EdgeML sample: tiny CNN, 28x28x1 -> 10 classes, deterministic weights");
var g = m.Graph;
g.Input("image", DataType.Float, "batch", 1, 28, 28);
g.Output("probabilities", DataType.Float, "batch", 10);
g.Initializer("conv1.w", He(8 * 1 * 3 * 3, 9), 8, 1, 3, 3).Initializer("conv1.b", Small(8), 8);
g.Initializer("dw.w", He(8 * 1 * 3 * 3, 9), 8, 1, 3, 3).Initializer("dw.b", Small(8), 8);
g.Initializer("bn.scale", Enumerable.Range(0, 8).Select(_ => 1f + (float)(rng.NextDouble() * 0.2 - 0.1)).ToArray(), 8)
 .Initializer("bn.bias", Small(8), 8)
 .Initializer("bn.mean", Small(8), 8)
 .Initializer("bn.var", Enumerable.Range(0, 8).Select(_ => 0.5f + (float)rng.NextDouble()).ToArray(), 8);
g.Initializer("pw.w", He(16 * 8, 8), 16, 8, 1, 1).Initializer("pw.b", Small(16), 16);
g.Initializer("fc.w", He(16 * 10, 16), 16, 10).Initializer("fc.b", Small(10), 10);
g.Node("Conv", ["image", "conv1.w", "conv1.b"], ["c1"]).Attr("pads", new long[] { 1, 1, 1, 1 });
g.Node("Relu", ["c1"], ["r1"]);
g.Node("MaxPool", ["r1"], ["p1"]).Attr("kernel_shape", new long[] { 2, 2 }).Attr("strides", new long[] { 2, 2 });
g.Node("Conv", ["p1", "dw.w", "dw.b"], ["c2"]).Attr("group", 8L).Attr("pads", new long[] { 1, 1, 1, 1 });
g.Node("BatchNormalization", ["c2", "bn.scale", "bn.bias", "bn.mean", "bn.var"], ["b2"]);
g.Node("Relu", ["b2"], ["r2"]);
g.Node("Conv", ["r2", "pw.w", "pw.b"], ["c3"]);
g.Node("Relu", ["c3"], ["r3"]);
g.Node("GlobalAveragePool", ["r3"], ["gap"]);
g.Node("Flatten", ["gap"], ["flat"]);
g.Node("Gemm", ["flat", "fc.w", "fc.b"], ["logits"]);
g.Node("Softmax", ["logits"], ["probabilities"]).Attr("axis", 1L);
m.Save(output);
Console.WriteLine($"wrote {output}");

static double NextGaussian(Random r) => Math.Sqrt(-2 * Math.Log(1 - r.NextDouble())) * Math.Cos(2 * Math.PI * r.NextDouble());
