using System.Buffers.Binary;
using EdgeML.Runtime.Execution;
using EdgeML.Runtime.Format;
using EdgeML.TestSupport;

namespace EdgeML.Runtime.Tests.Format;

/// <summary>The reader must turn every bad file into an EdgeMLException: never another exception,
/// never a crash, never a silently wrong model.</summary>
public class ModelReaderTests
{
    private static readonly byte[] Valid = SmallModels.Compile(SmallModels.AffineRelu(), new() { ["N"] = 2 });

    [Fact]
    public void Valid_file_loads_and_sections_are_64_byte_aligned()
    {
        using var model = EdgeMLModel.FromBytes(Valid);
        Assert.Equal(3, model.Definition.Main.Nodes.Length);
        int count = BinaryPrimitives.ReadInt32LittleEndian(Valid.AsSpan(16));
        for (int i = 0; i < count; i++)
        {
            long offset = BinaryPrimitives.ReadInt64LittleEndian(Valid.AsSpan(64 + i * 32 + 8));
            Assert.Equal(0, offset % 64);
        }
    }

    [Fact]
    public void Every_truncation_is_rejected()
    {
        for (int n = 0; n < Valid.Length; n++)
        {
            var e = Assert.Throws<EdgeMLException>(() => EdgeMLModel.FromBytes(Valid.AsSpan(0, n)).Dispose());
            Assert.DoesNotContain('\n', e.Message);
        }
    }

    [Fact]
    public void Every_single_byte_change_is_caught_by_a_checksum()
    {
        for (int i = 0; i < Valid.Length; i++)
        {
            var copy = (byte[])Valid.Clone();
            copy[i] ^= 0x5A;
            // Bytes in padding between sections are covered by no checksum and change nothing.
            try
            {
                using var m = EdgeMLModel.FromBytes(copy);
                Assert.True(IsPadding(i), $"byte {i} changed without an error");
            }
            catch (EdgeMLException) { }
        }
    }

    [Fact]
    public void Random_bytes_are_rejected()
    {
        var rng = new Random(3);
        foreach (int size in new[] { 1, 63, 64, 200, 4096 })
        {
            var bytes = new byte[size];
            rng.NextBytes(bytes);
            Assert.Throws<EdgeMLException>(() => EdgeMLModel.FromBytes(bytes).Dispose());
        }
    }

    [Fact]
    public void Mutations_with_checksums_off_still_fail_cleanly()
    {
        // With checksums skipped, the structural validation alone must stop bad offsets, counts,
        // indices and op codes: loading and running may fail, but only with EdgeMLException.
        var rng = new Random(11);
        for (int trial = 0; trial < 3000; trial++)
        {
            var copy = (byte[])Valid.Clone();
            int flips = 1 + rng.Next(4);
            for (int f = 0; f < flips; f++) copy[64 + rng.Next(copy.Length - 64)] = (byte)rng.Next(256);
            try
            {
                using var model = EdgeMLModel.FromBytes(copy, verifyChecksums: false);
                using var session = new InferenceSession(model);
                if (session.Inputs.Count == 1 && session.Inputs[0].Shape is { Length: 2 })
                {
                    session.Input(0).Allocate(session.Inputs[0].Type, [2, 4]);
                    session.Run();
                }
            }
            catch (EdgeMLException) { }
        }
    }

    /// <summary>The sample CNN (Conv, pooling, Gemm, Softmax, prepacked weights) and a model whose If
    /// branches are subgraphs: more structure for mutations to break.</summary>
    public static TheoryData<string> RicherModels() => new("tiny_cnn", "if_branches");

    private static byte[] Richer(string name)
    {
        if (name == "tiny_cnn")
        {
            var ir = Compiler.Onnx.OnnxImporter.LoadFile(Path.Combine(TestPaths.RepoRoot, "samples", "tiny-cnn", "tiny_cnn.onnx"));
            return Compiler.ModelCompiler.Compile(ir, new Compiler.CompileOptions { Dims = new() { ["batch"] = 1 } }).Bytes;
        }
        var m = new Compiler.Onnx.OnnxModelBuilder(14);
        m.Graph.Input("x", Tensors.DataType.Float, 2, 4).Input("c", Tensors.DataType.Bool).Output("y", Tensors.DataType.Float, 2, 4);
        var then = new Compiler.Onnx.OnnxGraphBuilder("then");
        then.Output("t", Tensors.DataType.Float, 2, 4);
        then.Node("Relu", ["x"], ["t"]);
        var otherwise = new Compiler.Onnx.OnnxGraphBuilder("else");
        otherwise.Output("e", Tensors.DataType.Float, 2, 4);
        otherwise.Node("Neg", ["x"], ["e"]);
        m.Graph.Node("If", ["c"], ["y"]).Attr("then_branch", then).Attr("else_branch", otherwise);
        return SmallModels.Compile(m);
    }

    [Theory]
    [MemberData(nameof(RicherModels))]
    public void Mutations_of_richer_models_fail_cleanly(string name)
    {
        var valid = Richer(name);
        var rng = new Random(name.Length);
        int ran = 0;
        for (int trial = 0; trial < 3000; trial++)
        {
            var copy = (byte[])valid.Clone();
            int flips = 1 + rng.Next(4);
            for (int f = 0; f < flips; f++) copy[64 + rng.Next(copy.Length - 64)] = (byte)rng.Next(256);
            try
            {
                using var model = EdgeMLModel.FromBytes(copy, verifyChecksums: false);
                // A mutated pad or shape can ask for gigabytes: the session's budget turns that into an error.
                using var session = new InferenceSession(model, new SessionOptions { MaxTensorBytes = 1 << 20 });
                if (session.Inputs.Any(i => i.Shape == null)) continue;
                IO.InputFeeder.Fill(session, null, new Dictionary<string, string>(), new Dictionary<string, long>());
                session.Run();
                ran++;
            }
            catch (EdgeMLException) { }
        }
        // Mutations of weights, names and padding leave a runnable model: the run path was exercised too.
        Assert.True(ran > 100, $"only {ran} mutated models ran");
    }

    [Fact]
    public void Wrong_magic_and_version_are_named()
    {
        var copy = (byte[])Valid.Clone();
        copy[0] = (byte)'X';
        Assert.Contains("magic", Assert.Throws<EdgeMLException>(() => EdgeMLModel.FromBytes(copy)).Message);
        copy = (byte[])Valid.Clone();
        copy[8] = 9;
        Assert.Contains("version 9", Assert.Throws<EdgeMLException>(() => EdgeMLModel.FromBytes(copy)).Message);
    }

    private static bool IsPadding(int offset)
    {
        int count = BinaryPrimitives.ReadInt32LittleEndian(Valid.AsSpan(16));
        if (offset < 32) return false;
        if (offset < 64) return offset >= 40; // reserved header bytes
        if (offset < 64 + count * 32) return false;
        for (int i = 0; i < count; i++)
        {
            long start = BinaryPrimitives.ReadInt64LittleEndian(Valid.AsSpan(64 + i * 32 + 8));
            long size = BinaryPrimitives.ReadInt64LittleEndian(Valid.AsSpan(64 + i * 32 + 16));
            if (offset >= start && offset < start + size) return false;
        }
        return true;
    }
}
