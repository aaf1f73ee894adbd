using EdgeML.Runtime.Kernels.Common;
using EdgeML.Runtime.Tensors;

namespace EdgeML.Runtime.Kernels.Reference;

/// <summary>
/// MelWeightMatrix (opset 17): a [dft_length / 2 + 1, num_mel_bins] matrix of triangular filters
/// with peak 1, evenly spaced on the mel scale mel(f) = 2595 log10(1 + f / 700) between
/// lower_edge_hertz and upper_edge_hertz. As in the ONNX reference, the mel range is split into
/// num_mel_bins + 2 steps (edge points computed in float32) and each edge maps to spectrogram bin
/// floor((dft_length + 1) * f / sample_rate).
/// </summary>
public sealed class MelWeightMatrix : Kernel
{
    private readonly DataType _type;
    private long[] _edges = [];

    private MelWeightMatrix(DataType type) => _type = type;

    public static Kernel Create(KernelInfo info)
    {
        var type = (DataType)info.Attributes.GetInt("output_datatype", (long)DataType.Float);
        if (!SignalMath.IsWritableNumber(type)) throw info.Error($"output_datatype {(int)type} is not a numeric type");
        return new MelWeightMatrix(type);
    }

    public override void Execute(KernelContext context)
    {
        long melBins, dftLength, sampleRate;
        double lower, upper;
        try
        {
            melBins = KernelHelpers.ReadInt64Scalar(context.Input(0));
            dftLength = KernelHelpers.ReadInt64Scalar(context.Input(1));
            sampleRate = KernelHelpers.ReadInt64Scalar(context.Input(2));
            lower = ReadFloatScalar(context.Input(3));
            upper = ReadFloatScalar(context.Input(4));
        }
        catch (EdgeMLException e)
        {
            throw context.Error(e.Message);
        }
        if (melBins < 1 || dftLength < 1 || sampleRate < 1) throw context.Error("num_mel_bins, dft_length and sample_rate must be positive");
        long spectrogramBins = dftLength / 2 + 1;

        // Edge points of the triangles, in spectrogram bins.
        int points = (int)melBins + 2;
        if (_edges.Length < points) _edges = new long[points];
        float lowMel = 2595f * MathF.Log10(1f + (float)lower / 700f);
        float highMel = 2595f * MathF.Log10(1f + (float)upper / 700f);
        float melStep = (highMel - lowMel) / points;
        for (int i = 0; i < points; i++)
        {
            double mel = i * (double)melStep + lowMel;
            double hertz = 700 * (Math.Pow(10, mel / 2595) - 1);
            _edges[i] = (long)Math.Floor((dftLength + 1) * hertz / sampleRate);
        }

        var y = context.Output(0);
        Span<long> shape = stackalloc long[] { spectrogramBins, melBins };
        y.Allocate(_type, shape);
        for (int i = 0; i < y.Length; i++) SignalMath.WriteNumber(y, i, 0);
        for (int m = 0; m < melBins; m++)
        {
            long left = _edges[m], center = _edges[m + 1], right = _edges[m + 2];
            if (left < 0 || right > spectrogramBins || center >= spectrogramBins)
                throw context.Error($"mel filter {m} spans bins [{left}, {right}] outside the {spectrogramBins} spectrogram bins");
            if (center == left) SignalMath.WriteNumber(y, (int)(center * melBins + m), 1);
            else for (long j = left; j <= center; j++) SignalMath.WriteNumber(y, (int)(j * melBins + m), (double)(j - left) / (center - left));
            for (long j = center; j < right; j++) SignalMath.WriteNumber(y, (int)(j * melBins + m), (double)(right - j) / (right - center));
        }
    }

    private static double ReadFloatScalar(Tensor t)
    {
        if (t.Length != 1) throw new EdgeMLException($"'{t.Name}' must hold one value, not {t.Length}");
        return KernelHelpers.GetDouble(t, 0);
    }
}
