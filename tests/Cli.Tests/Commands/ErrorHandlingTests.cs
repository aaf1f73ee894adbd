using EdgeML.Runtime.IO;
using EdgeML.Runtime.Tensors;
using EdgeML.TestSupport;

namespace EdgeML.Cli.Tests.Commands;

/// <summary>Bad input gets one line on stderr naming the problem and a non-zero exit: never a
/// stack trace, a hang or a half-written file.</summary>
public class ErrorHandlingTests
{
    private static void AssertOneLineError(int exit, string err, string expected)
    {
        Assert.NotEqual(0, exit);
        var lines = err.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Single(lines);
        Assert.StartsWith("edgeml: error: ", lines[0]);
        Assert.True(lines[0].Contains(expected, StringComparison.Ordinal), $"expected \"{expected}\" in: {lines[0]}");
        Assert.DoesNotContain("   at ", err);
    }

    [Fact]
    public void Missing_model_file()
    {
        var (exit, _, err) = CliRunner.Run("run", "/nonexistent/model.edgeml");
        AssertOneLineError(exit, err, "not found");
        (exit, _, err) = CliRunner.Run("compile", "/nonexistent/model.onnx", "-o", "x.edgeml");
        AssertOneLineError(exit, err, "not found");
    }

    [Fact]
    public void Corrupt_truncated_and_random_files()
    {
        var dir = TestPaths.TempFolder();
        var onnx = Path.Combine(dir, "m.onnx");
        SmallModels.AffineRelu().Save(onnx);
        var edgeml = Path.Combine(dir, "m.edgeml");
        Assert.Equal(0, CliRunner.Run("compile", onnx, "-o", edgeml).Exit);
        var good = File.ReadAllBytes(edgeml);

        var truncated = Path.Combine(dir, "truncated.edgeml");
        File.WriteAllBytes(truncated, good[..(good.Length / 2)]);
        var (exit, _, err) = CliRunner.Run("run", truncated);
        AssertOneLineError(exit, err, "truncated");

        var corrupt = Path.Combine(dir, "corrupt.edgeml");
        var bad = (byte[])good.Clone();
        bad[^10] ^= 0xFF;
        File.WriteAllBytes(corrupt, bad);
        (exit, _, err) = CliRunner.Run("inspect", corrupt);
        AssertOneLineError(exit, err, "checksum");

        var random = Path.Combine(dir, "random.edgeml");
        var bytes = new byte[5000];
        new Random(1).NextBytes(bytes);
        File.WriteAllBytes(random, bytes);
        (exit, _, err) = CliRunner.Run("run", random);
        AssertOneLineError(exit, err, "not a .edgeml file");

        var randomOnnx = Path.Combine(dir, "random.onnx");
        File.WriteAllBytes(randomOnnx, bytes);
        (exit, _, err) = CliRunner.Run("compile", randomOnnx, "-o", Path.Combine(dir, "out.edgeml"));
        AssertOneLineError(exit, err, "random.onnx");
        Assert.False(File.Exists(Path.Combine(dir, "out.edgeml")));

        var truncatedOnnx = Path.Combine(dir, "truncated.onnx");
        File.WriteAllBytes(truncatedOnnx, File.ReadAllBytes(onnx)[..40]);
        (exit, _, err) = CliRunner.Run("run", truncatedOnnx);
        AssertOneLineError(exit, err, "truncated.onnx");
    }

    [Fact]
    public void Wrong_input_shape_and_type()
    {
        var dir = TestPaths.TempFolder();
        var onnx = Path.Combine(dir, "m.onnx");
        SmallModels.AffineRelu().Save(onnx);
        var wrongShape = new Tensor("x");
        wrongShape.Allocate(DataType.Float, [2, 5]);
        NpyFile.Write(Path.Combine(dir, "x.npy"), wrongShape);
        var (exit, _, err) = CliRunner.Run("run", onnx, "--inputs", dir);
        AssertOneLineError(exit, err, "expects shape [N,4], got [2,5]");

        var wrongType = new Tensor("x");
        wrongType.Allocate(DataType.Int32, [2, 4]);
        NpyFile.Write(Path.Combine(dir, "x.npy"), wrongType);
        (exit, _, err) = CliRunner.Run("run", onnx, "--inputs", dir);
        AssertOneLineError(exit, err, "expects float32, got int32");

        File.WriteAllText(Path.Combine(dir, "x.npy"), "not numpy");
        (exit, _, err) = CliRunner.Run("run", onnx, "--input", $"x={Path.Combine(dir, "x.npy")}");
        AssertOneLineError(exit, err, "not a .npy file");
    }

    [Fact]
    public void Bad_flags_exit_with_2()
    {
        var (exit, _, err) = CliRunner.Run("compile", "m.onnx", "--no-such-flag");
        AssertOneLineError(exit, err, "--no-such-flag");
        Assert.Equal(2, exit);
        (exit, _, err) = CliRunner.Run("run", "m.onnx", "--dim", "N=abc");
        AssertOneLineError(exit, err, "bad --dim 'N=abc'");
        (exit, _, err) = CliRunner.Run("conformance", "/nonexistent");
        AssertOneLineError(exit, err, "folder not found");
    }

    [Fact]
    public void Unknown_operator_names_the_node()
    {
        var dir = TestPaths.TempFolder();
        var m = new EdgeML.Compiler.Onnx.OnnxModelBuilder(17);
        m.Graph.Input("x", DataType.Float, 2).Output("y", DataType.Float, 2);
        m.Graph.Node("NoSuchOp", ["x"], ["y"], name: "weird");
        var onnx = Path.Combine(dir, "m.onnx");
        m.Save(onnx);
        var (exit, _, err) = CliRunner.Run("compile", onnx, "-o", Path.Combine(dir, "m.edgeml"));
        AssertOneLineError(exit, err, "node 'weird' (op type 'NoSuchOp', domain 'ai.onnx', opset 17): unknown operator");
    }
}
