using EdgeML.Runtime.Kernels.Common;
using EdgeML.Runtime.Tensors;

namespace EdgeML.Runtime.Kernels.Reference;

/// <summary>
/// Multinomial (opsets 7, 22): for each row of unnormalised log-probabilities [batch, classes], draws
/// <c>sample_size</c> class indices (int32 by default, or int64 by <c>dtype</c>). Per row: the
/// cumulative sums of exp(logit - max logit) over the finite logits, then for each sample the first
/// class whose cumulative sum exceeds u · total, u uniform in [0, 1) (in double precision, as ONNX
/// Runtime does). Seeding and the generator: <see cref="RandomEngine"/>.
/// </summary>
public sealed class Multinomial : Kernel
{
    private readonly RandomEngine _engine;
    private readonly DataType _type;
    private readonly long _samples;
    private double[] _cdf = [];

    private Multinomial(RandomEngine engine, DataType type, long samples)
    {
        _engine = engine;
        _type = type;
        _samples = samples;
    }

    public static Kernel Create(KernelInfo info)
    {
        var type = (DataType)info.Attributes.GetInt("dtype", (long)DataType.Int32);
        if (type is not (DataType.Int32 or DataType.Int64)) throw info.Error($"dtype must be int32 or int64, not {DataTypeInfo.Name(type)}");
        long samples = info.Attributes.GetInt("sample_size", 1);
        if (samples < 0) throw info.Error($"sample_size must not be negative, not {samples}");
        return new Multinomial(RandomEngine.For(info), type, samples);
    }

    public override void Execute(KernelContext context)
    {
        var x = context.Input(0);
        if (x.Rank != 2) throw context.Error($"input must have shape [batch, classes], not {Tensor.ShapeText(x.Shape)}");
        if (x.Type is not (DataType.Float or DataType.Double or DataType.Float16 or DataType.BFloat16))
            throw context.Error($"element type {DataTypeInfo.Name(x.Type)} is not supported (float, double, float16, bfloat16)");
        int batch = (int)x.Dim(0), classes = (int)x.Dim(1);
        var y = context.Output(0);
        Span<long> dims = [batch, _samples];
        y.Allocate(_type, dims);
        if (_cdf.Length < classes) _cdf = new double[classes];
        var cdf = _cdf.AsSpan(0, classes);
        for (int b = 0; b < batch; b++)
        {
            double max = double.MinValue;
            for (int j = 0; j < classes; j++)
            {
                double v = Logit(x, b * classes + j);
                if (double.IsFinite(v)) max = Math.Max(max, v);
            }
            double total = 0;
            for (int j = 0; j < classes; j++)
            {
                double v = Logit(x, b * classes + j);
                if (double.IsFinite(v)) total += Math.Exp(v - max);
                cdf[j] = total;
            }
            for (long s = 0; s < _samples; s++)
            {
                double target = _engine.NextDouble() * total;
                int index = UpperBound(cdf, target);
                if (_type == DataType.Int32) y.Span<int>()[(int)(b * _samples + s)] = index;
                else y.Span<long>()[(int)(b * _samples + s)] = index;
            }
        }
    }

    /// <summary>A logit widened to double.</summary>
    private static double Logit(Tensor x, int i) => x.Type switch
    {
        DataType.Float => x.ReadOnlySpan<float>()[i],
        DataType.Double => x.ReadOnlySpan<double>()[i],
        DataType.Float16 => (float)x.ReadOnlySpan<Half>()[i],
        _ => BFloat16.ToSingle(x.ReadOnlySpan<ushort>()[i]),
    };

    /// <summary>The first index whose value is greater than <paramref name="target"/> (the length when none is).</summary>
    private static int UpperBound(ReadOnlySpan<double> values, double target)
    {
        int lo = 0, hi = values.Length;
        while (lo < hi)
        {
            int mid = (lo + hi) >>> 1;
            if (values[mid] <= target) lo = mid + 1;
            else hi = mid;
        }
        return lo;
    }
}
