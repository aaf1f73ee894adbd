using System.Text.Json;
using EdgeML.Runtime.IO;
using EdgeML.Runtime.Tensors;
using EdgeML.TestSupport;

namespace EdgeML.Device.Tests.Commands;

public class DeviceCommandTests
{
    /// <summary>AffineRelu (y = relu(x * w + b), x [N,4]) compiled to a file in a fresh folder.</summary>
    private static (string Dir, string Model) CompiledAffineRelu()
    {
        var dir = TestPaths.TempFolder();
        var model = Path.Combine(dir, "m.edgeml");
        File.WriteAllBytes(model, SmallModels.Compile(SmallModels.AffineRelu()));
        return (dir, model);
    }

    [Fact]
    public void Run_reads_npy_inputs_and_writes_npy_outputs()
    {
        var (dir, model) = CompiledAffineRelu();
        var inputs = Directory.CreateDirectory(Path.Combine(dir, "in")).FullName;
        var x = new Tensor("x");
        x.Allocate(DataType.Float, [2, 4]);
        float[] xs = [1, 2, 3, 4, -1, -2, -3, -4];
        xs.CopyTo(x.Span<float>());
        NpyFile.Write(Path.Combine(inputs, "x.npy"), x);
        var outputs = Path.Combine(dir, "out");
        var json = Path.Combine(dir, "run.json");

        var (exit, output, error) = DeviceRunner.Run("run", model, "--inputs", inputs, "--outputs", outputs, "--json", json);

        Assert.True(exit == 0, error);
        Assert.Contains("y: float32[2,4]", output);
        var y = new Tensor("y");
        NpyFile.Read(Path.Combine(outputs, "y.npy"), y);
        float[] w = [0.5f, -1f, 2f, 1.5f], b = [0.1f, 0.2f, -0.3f, 0f];
        for (int i = 0; i < xs.Length; i++) Assert.Equal(MathF.Max(0, xs[i] * w[i % 4] + b[i % 4]), y.Span<float>()[i]);
        using var doc = JsonDocument.Parse(File.ReadAllText(json));
        Assert.Equal([2, 4], doc.RootElement.GetProperty("outputs")[0].GetProperty("shape").EnumerateArray().Select(e => e.GetInt64()));
    }

    [Fact]
    public void Bench_reports_latency_memory_and_no_allocations()
    {
        var (dir, model) = CompiledAffineRelu();
        var json = Path.Combine(dir, "bench.json");
        var (exit, output, error) = DeviceRunner.Run("bench", model, "--dim", "N=16", "--runs", "20", "--warmup-seconds", "0", "--threads", "2", "--json", json);
        Assert.True(exit == 0, error);
        Assert.Contains("latency ms: median", output);
        using var doc = JsonDocument.Parse(File.ReadAllText(json));
        var root = doc.RootElement;
        Assert.Equal(20, root.GetProperty("runs").GetInt32());
        Assert.True(root.GetProperty("latency").GetProperty("median").GetDouble() > 0);
        Assert.Equal(0, root.GetProperty("allocatedBytesPerRun").GetInt64());
        Assert.True(root.GetProperty("peakRssBytes").GetInt64() > 0);
    }

    [Fact]
    public void Info_names_the_kernel_variant()
    {
        var (exit, output, _) = DeviceRunner.Run("info");
        Assert.Equal(0, exit);
        Assert.Contains("kernels ", output);
    }

    [Theory]
    [InlineData("missing")]
    [InlineData("random")]
    [InlineData("truncated")]
    [InlineData("onnx")]
    public void Bad_model_files_get_one_line_errors(string kind)
    {
        var (dir, model) = CompiledAffineRelu();
        string path = Path.Combine(dir, "bad.edgeml");
        var good = File.ReadAllBytes(model);
        switch (kind)
        {
            case "missing": path = Path.Combine(dir, "nothing.edgeml"); break;
            case "random": var bytes = new byte[4096]; new Random(3).NextBytes(bytes); File.WriteAllBytes(path, bytes); break;
            case "truncated": File.WriteAllBytes(path, good[..(good.Length / 2)]); break;
            case "onnx": path = Path.Combine(dir, "m.onnx"); SmallModels.AffineRelu().Save(path); break;
        }
        var (exit, _, err) = DeviceRunner.Run("run", path);
        Assert.Equal(1, exit);
        var lines = err.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Single(lines);
        Assert.StartsWith("edgeml-device: error: ", lines[0]);
        Assert.DoesNotContain("   at ", err);
    }

    [Fact]
    public void Bad_flags_and_inputs_get_one_line_errors()
    {
        var (dir, model) = CompiledAffineRelu();
        var (exit, _, err) = DeviceRunner.Run("run", model, "--no-such-flag");
        Assert.Equal(2, exit);
        Assert.StartsWith("edgeml-device: error: ", err);
        (exit, _, err) = DeviceRunner.Run("run", model, "--dim", "N=x");
        Assert.Equal(1, exit);
        Assert.Contains("bad --dim 'N=x'", err);
        (exit, _, err) = DeviceRunner.Run("run", model, "--inputs", Path.Combine(dir, "none"));
        Assert.Equal(1, exit);
        Assert.Contains("--inputs folder not found", err);
        (exit, _, err) = DeviceRunner.Run("run", model, "--dim", "N=1000", "--max-tensor-bytes", "4096");
        Assert.Equal(1, exit);
        Assert.Contains("would need 16,000 bytes", err);
        (exit, _, err) = DeviceRunner.Run("bench", model, "--runs", "0");
        Assert.Equal(1, exit);
        Assert.Contains("--runs must be at least 1", err);
    }
}
