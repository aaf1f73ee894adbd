using EdgeML.Runtime.Tensors;
using EdgeML.TestSupport;
using static EdgeML.Runtime.Tests.Kernels.Reference.NeuralNetworkTesting;

namespace EdgeML.Runtime.Tests.Kernels.Reference;

public class LinearAttentionTests
{
    /// <summary>The recurrence of the specification, in double, token by token.</summary>
    private static (double[] Output, double[] State) Recurrence(string rule, int b, int t, int hq, int hkv, int dk, int dv, double scale,
        float[] q, float[] k, float[] v, float[]? past, float[]? decay, bool decayPerKey, float[]? beta, bool betaShared)
    {
        var state = new double[b * hkv * dk * dv];
        if (past != null) for (int i = 0; i < state.Length; i++) state[i] = past[i];
        var output = new double[b * t * hq * dv];
        int group = hq / hkv;
        for (int n = 0; n < b; n++)
            for (int s = 0; s < t; s++)
            {
                int token = n * t + s;
                for (int h = 0; h < hkv; h++)
                {
                    int S = (n * hkv + h) * dk * dv;
                    if (rule is "gated" or "gated_delta")
                        for (int i = 0; i < dk; i++)
                        {
                            double g = Math.Exp(decayPerKey ? decay![token * hkv * dk + h * dk + i] : decay![token * hkv + h]);
                            for (int j = 0; j < dv; j++) state[S + i * dv + j] *= g;
                        }
                    double rate = rule is "delta" or "gated_delta" ? (betaShared ? beta![token] : beta![token * hkv + h]) : 1;
                    var update = new double[dv];
                    for (int j = 0; j < dv; j++)
                    {
                        double recalled = 0;
                        if (rule is "delta" or "gated_delta")
                            for (int i = 0; i < dk; i++) recalled += state[S + i * dv + j] * k[token * hkv * dk + h * dk + i];
                        update[j] = rate * (v[token * hkv * dv + h * dv + j] - recalled);
                    }
                    for (int i = 0; i < dk; i++)
                        for (int j = 0; j < dv; j++) state[S + i * dv + j] += k[token * hkv * dk + h * dk + i] * update[j];
                    for (int g = 0; g < group; g++)
                    {
                        int qh = h * group + g;
                        for (int j = 0; j < dv; j++)
                        {
                            double sum = 0;
                            for (int i = 0; i < dk; i++) sum += q[token * hq * dk + qh * dk + i] * state[S + i * dv + j];
                            output[token * hq * dv + qh * dv + j] = scale * sum;
                        }
                    }
                }
            }
        return (output, state);
    }

    [Theory]
    [InlineData("linear", false, false)]
    [InlineData("gated", true, false)]
    [InlineData("gated", false, false)]
    [InlineData("delta", false, true)]
    [InlineData("gated_delta", false, true)]
    [InlineData("gated_delta", true, false)]
    public void Matches_the_recurrence_of_the_specification(string rule, bool decayPerKey, bool betaShared)
    {
        const int B = 2, T = 3, Hq = 4, Hkv = 2, Dk = 3, Dv = 5;
        var q = Random("q", [B, T, Hq * Dk], 1);
        var k = Random("k", [B, T, Hkv * Dk], 2, -0.5, 0.5);
        var v = Random("v", [B, T, Hkv * Dv], 3);
        var past = Random("past", [B, Hkv, Dk, Dv], 4);
        bool gated = rule is "gated" or "gated_delta", delta = rule is "delta" or "gated_delta";
        var decay = gated ? Random("decay", [B, T, decayPerKey ? Hkv * Dk : Hkv], 5, -0.5, 0) : null;
        var beta = delta ? Random("beta", [B, T, betaShared ? 1 : Hkv], 6, 0, 1) : null;
        Tensor?[] inputs = [q, k, v, past, decay, beta];
        var outputs = OpTester.RunEdgeML(NodeModel(27, "LinearAttention", inputs, [new("y", DataType.Float), new("state", DataType.Float)],
            n => n.Attr("q_num_heads", (long)Hq).Attr("kv_num_heads", (long)Hkv).Attr("update_rule", rule)).ToBytes(), Feed(inputs));
        var (expectedY, expectedState) = Recurrence(rule, B, T, Hq, Hkv, Dk, Dv, 1 / Math.Sqrt(Dk), q.ReadOnlySpan<float>().ToArray(), k.ReadOnlySpan<float>().ToArray(),
            v.ReadOnlySpan<float>().ToArray(), past.ReadOnlySpan<float>().ToArray(), decay?.ReadOnlySpan<float>().ToArray(), decayPerKey,
            beta?.ReadOnlySpan<float>().ToArray(), betaShared);
        var r = EdgeML.Compiler.Verification.TensorComparison.CompareFloats(EdgeML.Compiler.Verification.TensorComparison.ToDoubles(outputs[0]), expectedY, 1e-4, 1e-5);
        Assert.True(r.Equal, $"output: {r.Reason}");
        r = EdgeML.Compiler.Verification.TensorComparison.CompareFloats(EdgeML.Compiler.Verification.TensorComparison.ToDoubles(outputs[1]), expectedState, 1e-4, 1e-5);
        Assert.True(r.Equal, $"present_state: {r.Reason}");
    }
}
