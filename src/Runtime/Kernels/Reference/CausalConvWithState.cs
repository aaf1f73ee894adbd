using System.Numerics;
using EdgeML.Runtime.Kernels.Common;
using EdgeML.Runtime.Tensors;

namespace EdgeML.Runtime.Kernels.Reference;

/// <summary>
/// CausalConvWithState: a causal depthwise 1-D convolution with carried state. For each (batch,
/// channel) the sequence is past_state (or k − 1 zeros) followed by the input; output[t] =
/// Σ_j weight[j] · sequence[t + j] + bias, optionally through SiLU (activation silu or swish);
/// present_state is the last k − 1 values of the sequence. float16 and bfloat16 are computed in float32.
/// </summary>
public sealed class CausalConvWithState : Kernel
{
    private readonly bool _silu;
    private readonly ScratchBuffer _sequence = new();
    private float[]? _x, _w, _b, _p, _y, _s;

    private CausalConvWithState(bool silu) => _silu = silu;

    public static Kernel Create(KernelInfo info)
    {
        var activation = info.Attributes.GetString("activation", "none");
        if (activation is not ("none" or "silu" or "swish")) throw info.Error($"activation '{activation}' must be none, silu or swish");
        return new CausalConvWithState(activation != "none");
    }

    private readonly record struct Dims(int Batch, int Channels, int Length, int Kernel);

    public override void Execute(KernelContext context)
    {
        var x = context.Input(0);
        var w = context.Input(1);
        var b = context.OptionalInput(2);
        var past = context.OptionalInput(3);
        var y = context.Output(0);
        var present = context.OptionalOutput(1);
        if (x.Rank != 3) throw context.Error($"input must be [batch, channels, length], not {Tensor.ShapeText(x.Shape)}");
        int batch = (int)x.Dim(0), channels = (int)x.Dim(1), length = (int)x.Dim(2);
        if (w.Rank != 3 || w.Dim(0) != channels || w.Dim(1) != 1 || w.Dim(2) < 1) throw context.Error($"weight {Tensor.ShapeText(w.Shape)} must be [{channels}, 1, k]");
        int k = (int)w.Dim(2);
        if (b != null && b.Length != channels) throw context.Error($"bias must have {channels} values");
        if (past != null && (past.Rank != 3 || past.Dim(0) != batch || past.Dim(1) != channels || past.Dim(2) != k - 1))
            throw context.Error($"past_state {Tensor.ShapeText(past.Shape)} must be [{batch}, {channels}, {k - 1}]");
        foreach (var t in (ReadOnlySpan<Tensor?>)[w, b, past])
            if (t != null && t.Type != x.Type) throw context.Error("all inputs must have the element type of input");
        y.Allocate(x.Type, x.Shape);
        Span<long> stateShape = [batch, channels, k - 1];
        present?.Allocate(x.Type, stateShape);
        var d = new Dims(batch, channels, length, k);
        switch (x.Type)
        {
            case DataType.Float:
                Run(x.ReadOnlySpan<float>(), w.ReadOnlySpan<float>(), b == null ? default : b.ReadOnlySpan<float>(), past == null ? default : past.ReadOnlySpan<float>(),
                    y.Span<float>(), present == null ? default : present.Span<float>(), d);
                break;
            case DataType.Double:
                Run(x.ReadOnlySpan<double>(), w.ReadOnlySpan<double>(), b == null ? default : b.ReadOnlySpan<double>(), past == null ? default : past.ReadOnlySpan<double>(),
                    y.Span<double>(), present == null ? default : present.Span<double>(), d);
                break;
            case DataType.Float16:
            case DataType.BFloat16:
            {
                var ys = FloatStaging.Output(y, ref _y);
                var ss = present == null ? default : FloatStaging.Scratch(ref _s, present.Length);
                Run(FloatStaging.Widen(x, ref _x), FloatStaging.Widen(w, ref _w), b == null ? default : FloatStaging.Widen(b, ref _b),
                    past == null ? default : FloatStaging.Widen(past, ref _p), ys, ss, d);
                FloatStaging.Complete(y, ys);
                if (present != null) FloatStaging.Narrow(ss, present);
                break;
            }
            default: throw context.Error($"element type {DataTypeInfo.Name(x.Type)} is not supported");
        }
    }

    private void Run<T>(ReadOnlySpan<T> x, ReadOnlySpan<T> w, ReadOnlySpan<T> bias, ReadOnlySpan<T> past, Span<T> y, Span<T> present, Dims d)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        int carry = d.Kernel - 1, total = carry + d.Length;
        var sequence = _sequence.Get<T>(total);
        for (int b = 0; b < d.Batch; b++)
        {
            for (int c = 0; c < d.Channels; c++)
            {
                int row = b * d.Channels + c;
                if (past.IsEmpty) sequence[..carry].Clear();
                else past.Slice(row * carry, carry).CopyTo(sequence);
                x.Slice(row * d.Length, d.Length).CopyTo(sequence[carry..]);
                var kernel = w.Slice(c * d.Kernel, d.Kernel);
                var output = y.Slice(row * d.Length, d.Length);
                for (int t = 0; t < d.Length; t++)
                {
                    T sum = bias.IsEmpty ? T.Zero : bias[c];
                    for (int j = 0; j < d.Kernel; j++) sum += kernel[j] * sequence[t + j];
                    output[t] = _silu ? sum * SigmoidOperator.Apply(sum) : sum;
                }
                if (!present.IsEmpty) sequence[d.Length..].CopyTo(present.Slice(row * carry, carry));
            }
        }
    }
}
