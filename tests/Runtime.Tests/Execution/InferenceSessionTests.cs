using EdgeML.Runtime.Execution;
using EdgeML.Runtime.Tensors;
using EdgeML.TestSupport;

namespace EdgeML.Runtime.Tests.Execution;

public class InferenceSessionTests
{
    private static InferenceSession Open(long n = 2)
        => new(EdgeMLModel.FromBytes(SmallModels.Compile(SmallModels.AffineRelu(), new() { ["N"] = n })));

    [Fact]
    public void Computes_the_model()
    {
        using var s = Open();
        s.SetInput<float>("x", [1, 1, 1, 1, -1, 2, 0, 4], [2, 4], DataType.Float);
        s.Run();
        Assert.Equal([0.6f, 0f, 1.7f, 1.5f, 0f, 0f, 0f, 6f], s.Output("y").ReadOnlySpan<float>().ToArray());
    }

    [Fact]
    public void A_tensor_over_the_session_budget_is_an_error_not_an_allocation()
    {
        // Compiled for N=2; a run with N=1000 re-plans, and x, xw, z, y would need 16,000 bytes each.
        var bytes = SmallModels.Compile(SmallModels.AffineRelu(), new() { ["N"] = 2 });
        using var s = new InferenceSession(EdgeMLModel.FromBytes(bytes), new SessionOptions { MaxTensorBytes = 4096 });
        s.SetInput<float>("x", new float[8], [2, 4], DataType.Float);
        s.Run();
        var e = Assert.Throws<EdgeMLException>(() => s.SetInput<float>("x", new float[4000], [1000, 4], DataType.Float));
        Assert.Contains("'x' would need 16,000 bytes", e.Message);
        Assert.Contains("MaxTensorBytes", e.Message);
    }

    [Fact]
    public void Wrong_type_shape_and_missing_input_get_clear_errors()
    {
        using var s = Open();
        Assert.Contains("was not set", Assert.Throws<EdgeMLException>(s.Run).Message);
        s.Input("x").Allocate(DataType.Int64, [2, 4]);
        Assert.Contains("expects float32, got int64", Assert.Throws<EdgeMLException>(s.Run).Message);
        s.Input("x").Allocate(DataType.Float, [2, 5]);
        Assert.Contains("expects shape [N,4], got [2,5]", Assert.Throws<EdgeMLException>(s.Run).Message);
        s.Input("x").Allocate(DataType.Float, [8]);
        Assert.Contains("expects shape", Assert.Throws<EdgeMLException>(s.Run).Message);
        Assert.Contains("no input 'nope'", Assert.Throws<EdgeMLException>(() => s.Input("nope")).Message);
    }

    [Fact]
    public void Larger_batch_than_planned_still_runs()
    {
        // Planned for N=1; N=64 outgrows the arena slots and falls back to per-value buffers.
        using var s = Open(1);
        var x = Enumerable.Range(0, 64 * 4).Select(i => (float)i).ToArray();
        s.SetInput<float>("x", x, [64, 4], DataType.Float);
        s.Run();
        var y = s.Output("y").ReadOnlySpan<float>();
        Assert.Equal(64 * 4, y.Length);
        Assert.Equal(Math.Max(0, 255 * 1.5f + 0f), y[255]);
    }

    [Fact]
    public void Runs_allocate_nothing_after_the_first()
    {
        using var s = Open(16);
        var x = Enumerable.Range(0, 64).Select(i => i * 0.1f - 3).ToArray();
        s.SetInput<float>("x", x, [16, 4], DataType.Float);
        Assert.Equal(0, AllocationMeter.SteadyStateBytes(s.Run, runsPerWindow: 50));
    }

    [Fact]
    public void Inputs_survive_a_run()
    {
        using var s = Open(2);
        float[] x = [1, 2, 3, 4, 5, 6, 7, 8];
        s.SetInput<float>("x", x, [2, 4], DataType.Float);
        s.Run();
        var first = s.Output("y").ReadOnlySpan<float>().ToArray();
        s.Run();
        Assert.Equal(x, s.Input("x").ReadOnlySpan<float>().ToArray());
        Assert.Equal(first, s.Output("y").ReadOnlySpan<float>().ToArray());
    }
}

public class AllocationMeterTests
{
    private static object? _sink;

    [Fact]
    public void Sees_an_allocation_on_every_run_and_none_when_there_is_none()
    {
        Assert.True(AllocationMeter.SteadyStateBytes(() => _sink = new byte[100]) >= 100);
        Assert.Equal(0, AllocationMeter.SteadyStateBytes(() => _sink = null));
    }
}
