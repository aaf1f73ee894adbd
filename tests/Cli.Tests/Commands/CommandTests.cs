using System.Text.Json;
using EdgeML.Runtime.IO;
using EdgeML.Runtime.Tensors;
using EdgeML.TestSupport;

namespace EdgeML.Cli.Tests.Commands;

public class CommandTests
{
    [Fact]
    public void Compile_inspect_and_run_with_npy_inputs_and_outputs()
    {
        var dir = TestPaths.TempFolder();
        var onnx = Path.Combine(dir, "m.onnx");
        SmallModels.AffineRelu().Save(onnx);
        var edgeml = Path.Combine(dir, "m.edgeml");
        var (exit, output, _) = CliRunner.Run("compile", onnx, "-o", edgeml, "--dim", "N=2", "--json", Path.Combine(dir, "compile.json"));
        Assert.Equal(0, exit);
        Assert.Contains("compiled", output);
        using (var doc = JsonDocument.Parse(File.ReadAllText(Path.Combine(dir, "compile.json"))))
            Assert.True(doc.RootElement.GetProperty("arenaBytes").GetInt64() > 0);

        (exit, output, _) = CliRunner.Run("inspect", edgeml);
        Assert.Equal(0, exit);
        Assert.Contains("Weights", output);
        Assert.Contains("memory plan: arena", output);
        (exit, output, _) = CliRunner.Run("inspect", edgeml, "--json");
        Assert.Equal(0, exit);
        using (var doc = JsonDocument.Parse(output))
            Assert.Equal(3, doc.RootElement.GetProperty("nodes").GetInt32());
        // An .onnx model is inspected as it would compile.
        (exit, output, _) = CliRunner.Run("inspect", onnx, "--dim", "N=2", "--json");
        Assert.Equal(0, exit);
        using (var doc = JsonDocument.Parse(output))
            Assert.Equal(3, doc.RootElement.GetProperty("nodes").GetInt32());

        var inputs = Path.Combine(dir, "in");
        var outputs = Path.Combine(dir, "out");
        Directory.CreateDirectory(inputs);
        var x = new Tensor("x");
        x.Allocate(DataType.Float, [2, 4]);
        new float[] { 1, 1, 1, 1, -1, 2, 0, 4 }.CopyTo(x.Span<float>());
        NpyFile.Write(Path.Combine(inputs, "x.npy"), x);
        foreach (var model in new[] { onnx, edgeml })
        {
            (exit, _, _) = CliRunner.Run("run", model, "--inputs", inputs, "--outputs", outputs);
            Assert.Equal(0, exit);
            var y = new Tensor("y");
            NpyFile.Read(Path.Combine(outputs, "y.npy"), y);
            Assert.Equal([0.6f, 0f, 1.7f, 1.5f, 0f, 0f, 0f, 6f], y.ReadOnlySpan<float>().ToArray());
        }
    }

    [Fact]
    public void Run_compares_with_onnx_runtime()
    {
        var dir = TestPaths.TempFolder();
        var onnx = Path.Combine(dir, "m.onnx");
        SmallModels.AffineRelu().Save(onnx);
        var (exit, output, _) = CliRunner.Run("run", onnx, "--dim", "N=3", "--compare-ort", "self");
        Assert.Equal(0, exit);
        Assert.Contains("vs ONNX Runtime: y: match", output);
    }

    [Fact]
    public void Bench_reports_both_engines_and_their_ratio()
    {
        var dir = TestPaths.TempFolder();
        var onnx = Path.Combine(dir, "m.onnx");
        SmallModels.AffineRelu().Save(onnx);
        var jsonPath = Path.Combine(dir, "bench.json");
        var (exit, output, _) = CliRunner.Run("bench", onnx, "--dim", "N=8", "--runs", "5", "--warmup", "1", "--json", jsonPath);
        Assert.Equal(0, exit);
        Assert.Contains("edgeml/ort latency ratio", output);
        using var doc = JsonDocument.Parse(File.ReadAllText(jsonPath));
        Assert.True(doc.RootElement.GetProperty("ratio").GetDouble() > 0);
        Assert.Equal(0, doc.RootElement.GetProperty("allocatedBytesPerRun").GetInt64());
    }

    [Fact]
    public void Bench_memory_measures_each_engine_in_its_own_process()
    {
        var dir = TestPaths.TempFolder();
        var onnx = Path.Combine(dir, "m.onnx");
        SmallModels.AffineRelu().Save(onnx);
        var jsonPath = Path.Combine(dir, "bench.json");
        var (exit, output, error) = CliRunner.Run("bench", onnx, "--dim", "N=8", "--runs", "3", "--warmup", "1", "--warmup-seconds", "0", "--memory", "--json", jsonPath);
        Assert.True(exit == 0, error);
        Assert.Contains("edgeml/ort peak memory ratio", output);
        using var doc = JsonDocument.Parse(File.ReadAllText(jsonPath));
        foreach (var engine in new[] { "edgeml", "ort" })
        {
            var f = doc.RootElement.GetProperty("footprint").GetProperty(engine);
            Assert.True(f.GetProperty("peakRssBytes").GetInt64() >= f.GetProperty("rssBeforeBytes").GetInt64());
            Assert.True(f.GetProperty("loadMs").GetDouble() > 0);
        }
    }

    [Fact]
    public void Compare_matches_folders_within_tolerance_and_fails_beyond_it()
    {
        var dir = TestPaths.TempFolder();
        string Folder(string name, float last)
        {
            var folder = Directory.CreateDirectory(Path.Combine(dir, name)).FullName;
            var t = new Tensor("y");
            t.Allocate(DataType.Float, [3]);
            float[] values = [1f, 2f, last];
            values.CopyTo(t.Span<float>());
            NpyFile.Write(Path.Combine(folder, "y.npy"), t);
            return folder;
        }
        var expected = Folder("expected", 3f);
        var close = Folder("close", 3.00001f);
        var far = Folder("far", 3.5f);
        var (exit, output, _) = CliRunner.Run("compare", expected, close);
        Assert.Equal(0, exit);
        Assert.Contains("all 1 tensors match", output);
        string err;
        (exit, _, err) = CliRunner.Run("compare", expected, far);
        Assert.Equal(1, exit);
        Assert.Contains("1 of 1 tensors differ: y.npy", err);
        (exit, _, err) = CliRunner.Run("compare", expected, Path.Combine(dir, "missing"));
        Assert.Equal(1, exit);
        Assert.Contains("folder not found", err);
    }

    [Fact]
    public void Npy_names_replace_unsafe_characters()
    {
        Assert.Equal("input_0_.npy", NpyFile.FileNameFor("input:0/"));
        Assert.Equal("a.b-c_d.npy", NpyFile.FileNameFor("a.b-c_d"));
    }
}
