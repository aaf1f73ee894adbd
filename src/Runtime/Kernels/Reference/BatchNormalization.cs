using System.Numerics;
using EdgeML.Runtime.Kernels.Common;
using EdgeML.Runtime.Tensors;

namespace EdgeML.Runtime.Kernels.Reference;

/// <summary>
/// BatchNormalization: Y = (X − mean) / sqrt(var + epsilon) · scale + B per channel (axis 1).
/// Inference uses the given statistics. With training_mode (opset 14 and later) the statistics
/// are the batch's own (population variance, accumulated in double) and the optional outputs are
/// the updated running statistics: input · momentum + batch · (1 − momentum). Opset 1 to 7
/// spatial = 0 normalises every activation of X[1:] separately. float16 and bfloat16 X are
/// computed in float32; scale, B, mean and var may each be float, double, float16 or bfloat16.
/// </summary>
public sealed class BatchNormalization : Kernel
{
    private readonly double _epsilon, _momentum;
    private readonly bool _training, _spatial;
    private float[]? _x, _y;
    private double[] _params = [];

    private BatchNormalization(double epsilon, double momentum, bool training, bool spatial)
    {
        _epsilon = epsilon;
        _momentum = momentum;
        _training = training;
        _spatial = spatial;
    }

    public static Kernel Create(KernelInfo info)
    {
        var a = info.Attributes;
        bool training = info.Version >= 14 && a.GetInt("training_mode", 0) != 0;
        if (info.Version < 14)
        {
            for (int i = 1; i < info.OutputCount; i++)
                if (info.HasOutput(i)) throw info.Error("the training outputs of opset < 14 (mean, var, saved_mean, saved_var) are not supported");
        }
        else if (!training && (info.HasOutput(1) || info.HasOutput(2)))
            throw info.Error("running_mean and running_var are only produced with training_mode = 1");
        bool spatial = info.Version >= 9 || a.GetInt("spatial", 1) != 0;
        return new BatchNormalization(a.GetFloat("epsilon", 1e-5f), a.GetFloat("momentum", 0.9f), training, spatial);
    }

    public override void Execute(KernelContext context)
    {
        var x = context.Input(0);
        var y = context.Output(0);
        if (x.Rank < 1) throw context.Error("X must have rank 1 or more");
        // Statistics are per channel (X[1], or 1 for a 1-D X) over the batch and spatial axes;
        // with spatial = 0, per activation over the batch only.
        long batch = x.Dim(0);
        long channels = x.Rank == 1 ? 1 : _spatial ? x.Dim(1) : KernelHelpers.Product(x.Shape, 1, x.Rank);
        long inner = x.Rank == 1 || !_spatial ? 1 : KernelHelpers.Product(x.Shape, 2, x.Rank);
        int c = (int)channels;
        // Parameters in double: scale, bias, mean, var, then the statistics used (mean, var).
        if (_params.Length < 6 * c) _params = new double[6 * c];
        for (int k = 0; k < 4; k++)
        {
            var t = context.Input(1 + k);
            if (t.Length != channels) throw context.Error($"'{t.Name}' has {t.Length} values, expected {channels}");
            for (int i = 0; i < c; i++) _params[k * c + i] = KernelHelpers.GetDouble(t, i);
        }
        y.Allocate(x.Type, x.Shape);
        var d = new Dims((int)batch, c, (int)inner);
        switch (x.Type)
        {
            case DataType.Float: Run(x.ReadOnlySpan<float>(), y.Span<float>(), d); break;
            case DataType.Double: Run(x.ReadOnlySpan<double>(), y.Span<double>(), d); break;
            case DataType.Float16:
            case DataType.BFloat16:
            {
                var ys = FloatStaging.Output(y, ref _y);
                Run(FloatStaging.Widen(x, ref _x), ys, d);
                FloatStaging.Complete(y, ys);
                break;
            }
            default: throw context.Error($"element type {DataTypeInfo.Name(x.Type)} is not supported");
        }
        if (_training)
        {
            WriteRunning(context.OptionalOutput(1), context.Input(3), 2, 4, c);
            WriteRunning(context.OptionalOutput(2), context.Input(4), 3, 5, c);
        }
    }

    private readonly record struct Dims(int Batch, int Channels, int Inner);

    /// <summary>running = input · momentum + current · (1 − momentum), in the input statistic's type.</summary>
    private void WriteRunning(Tensor? output, Tensor input, int givenRow, int currentRow, int c)
    {
        if (output == null) return;
        output.Allocate(input.Type, input.Shape);
        for (int i = 0; i < c; i++)
        {
            double v = _params[givenRow * c + i] * _momentum + _params[currentRow * c + i] * (1 - _momentum);
            switch (output.Type)
            {
                case DataType.Float: output.Span<float>()[i] = (float)v; break;
                case DataType.Double: output.Span<double>()[i] = v; break;
                case DataType.Float16: output.Span<Half>()[i] = (Half)v; break;
                case DataType.BFloat16: output.Span<ushort>()[i] = BFloat16.FromSingle((float)v); break;
                default: throw new EdgeMLException($"'{input.Name}': element type {DataTypeInfo.Name(input.Type)} is not supported");
            }
        }
    }

    private void Run<T>(ReadOnlySpan<T> x, Span<T> y, Dims d) where T : unmanaged, IFloatingPointIeee754<T>
    {
        int c = d.Channels, stride = c * d.Inner;
        for (int ch = 0; ch < c; ch++)
        {
            double mean = _params[2 * c + ch], variance = _params[3 * c + ch];
            if (_training)
            {
                long count = (long)d.Batch * d.Inner;
                double sum = 0, squares = 0;
                for (int n = 0; n < d.Batch; n++)
                {
                    var seg = x.Slice(n * stride + ch * d.Inner, d.Inner);
                    for (int i = 0; i < seg.Length; i++) sum += double.CreateChecked(seg[i]);
                }
                mean = count == 0 ? 0 : sum / count;
                for (int n = 0; n < d.Batch; n++)
                {
                    var seg = x.Slice(n * stride + ch * d.Inner, d.Inner);
                    for (int i = 0; i < seg.Length; i++)
                    {
                        double diff = double.CreateChecked(seg[i]) - mean;
                        squares += diff * diff;
                    }
                }
                variance = count == 0 ? 0 : squares / count;
                _params[4 * c + ch] = mean;
                _params[5 * c + ch] = variance;
            }
            T factor = T.CreateChecked(_params[ch] / Math.Sqrt(variance + _epsilon));
            T shift = T.CreateChecked(_params[c + ch] - mean * (_params[ch] / Math.Sqrt(variance + _epsilon)));
            for (int n = 0; n < d.Batch; n++)
            {
                int offset = n * stride + ch * d.Inner;
                var xs = x.Slice(offset, d.Inner);
                var ys = y.Slice(offset, d.Inner);
                for (int i = 0; i < xs.Length; i++) ys[i] = xs[i] * factor + shift;
            }
        }
    }
}
