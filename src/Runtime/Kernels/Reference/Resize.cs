using EdgeML.Runtime.Kernels.Common;
using EdgeML.Runtime.Tensors;

namespace EdgeML.Runtime.Kernels.Reference;

/// <summary>
/// Resize: each output element is a weighted sum of input elements around the point its coordinate
/// maps to, axis by axis (separable). Modes: nearest (four rounding rules), linear (N-linear) and
/// cubic (Keys' kernel with cubic_coeff_a, optionally ignoring taps outside the input); every
/// coordinate_transformation_mode; antialias (opset 18: the filter is widened by 1/scale when
/// downscaling); axes and keep_aspect_ratio_policy (18); scales or sizes. Opset 10 (and the
/// deprecated Upsample) use asymmetric coordinates and the legacy nearest rule. The taps of each
/// axis are the same for every row, so they are computed once per axis and run.
/// </summary>
public sealed class Resize : Kernel
{
    internal enum Mode { Nearest, Linear, Cubic }
    internal enum Transform { HalfPixel, HalfPixelSymmetric, PytorchHalfPixel, AlignCorners, Asymmetric, TfHalfPixelForNearest, TfCropAndResize }
    internal enum NearestRule { Legacy, RoundPreferFloor, RoundPreferCeil, Floor, Ceil }
    internal enum AspectPolicy { Stretch, NotLarger, NotSmaller }

    private readonly Mode _mode;
    private readonly Transform _transform;
    private readonly NearestRule _nearest;
    private readonly AspectPolicy _policy;
    private readonly double _cubicA;
    private readonly bool _excludeOutside;
    private readonly bool _antialias;
    private readonly double _extrapolation;
    private readonly long[]? _axes;
    private readonly bool _legacyInputs;      // opset 10 / Upsample 9: input 1 is the scales
    private readonly float[]? _scalesAttribute; // Upsample 7

    // Per axis, per output coordinate: up to _tapWidth[axis] (index, weight) taps; outside for tf_crop_and_resize.
    private int[] _tapStart = [];
    private int[] _tapCount = [];
    private long[] _tapIndex = [];
    private double[] _tapWeight = [];
    private bool[] _outside = [];
    private int[] _map = [];

    internal Resize(Mode mode, Transform transform, NearestRule nearest, AspectPolicy policy, double cubicA, bool excludeOutside,
        bool antialias, double extrapolation, long[]? axes, bool legacyInputs, float[]? scalesAttribute)
    {
        _mode = mode;
        _transform = transform;
        _nearest = nearest;
        _policy = policy;
        _cubicA = cubicA;
        _excludeOutside = excludeOutside;
        _antialias = antialias;
        _extrapolation = extrapolation;
        _axes = axes;
        _legacyInputs = legacyInputs;
        _scalesAttribute = scalesAttribute;
    }

    public static Kernel Create(KernelInfo info)
    {
        var a = info.Attributes;
        var mode = ParseMode(info, a.GetString("mode", "nearest"));
        if (info.Version < 11)
        {
            if (mode == Mode.Cubic) throw info.Error("mode 'cubic' needs opset 11 or later");
            return new Resize(mode, Transform.Asymmetric, NearestRule.Legacy, AspectPolicy.Stretch, -0.75, false, false, 0, null, true, null);
        }
        var transform = a.GetString("coordinate_transformation_mode", "half_pixel") switch
        {
            "half_pixel" => Transform.HalfPixel,
            "half_pixel_symmetric" when info.Version >= 19 => Transform.HalfPixelSymmetric,
            "pytorch_half_pixel" => Transform.PytorchHalfPixel,
            "align_corners" => Transform.AlignCorners,
            "asymmetric" => Transform.Asymmetric,
            "tf_half_pixel_for_nearest" when info.Version < 13 || mode == Mode.Nearest => Transform.TfHalfPixelForNearest,
            "tf_crop_and_resize" => Transform.TfCropAndResize,
            var t => throw info.Error($"coordinate_transformation_mode '{t}' is not supported"),
        };
        var nearest = a.GetString("nearest_mode", "round_prefer_floor") switch
        {
            "round_prefer_floor" => NearestRule.RoundPreferFloor,
            "round_prefer_ceil" => NearestRule.RoundPreferCeil,
            "floor" => NearestRule.Floor,
            "ceil" => NearestRule.Ceil,
            var n => throw info.Error($"nearest_mode '{n}' is not supported"),
        };
        var policy = a.GetString("keep_aspect_ratio_policy", "stretch") switch
        {
            "stretch" => AspectPolicy.Stretch,
            "not_larger" => AspectPolicy.NotLarger,
            "not_smaller" => AspectPolicy.NotSmaller,
            var p => throw info.Error($"keep_aspect_ratio_policy '{p}' is not supported"),
        };
        return new Resize(mode, transform, nearest, policy, a.GetFloat("cubic_coeff_a", -0.75f), a.GetInt("exclude_outside", 0) != 0,
            a.GetInt("antialias", 0) != 0, a.GetFloat("extrapolation_value", 0), a.GetIntsOrNull("axes"), false, null);
    }

    internal static Mode ParseMode(KernelInfo info, string mode) => mode switch
    {
        "nearest" => Mode.Nearest,
        "linear" or "bilinear" => Mode.Linear,
        "cubic" => Mode.Cubic,
        _ => throw info.Error($"mode '{mode}' is not supported"),
    };

    public override void Execute(KernelContext context)
    {
        var x = context.Input(0);
        var y = context.Output(0);
        int rank = x.Rank;
        if (rank == 0 || rank > Broadcast.MaxRank) throw context.Error($"rank {rank} is not supported");
        if (_mode != Mode.Nearest && (!Numbers.IsNumeric(x.Type) || x.Type == DataType.Bool))
            throw context.Error($"mode {_mode.ToString().ToLowerInvariant()} does not support {DataTypeInfo.Name(x.Type)}");

        // Which axes the scales, sizes and roi refer to.
        Span<int> axes = stackalloc int[rank];
        int axisCount = rank;
        if (_axes != null)
        {
            axisCount = _axes.Length;
            if (axisCount > rank) throw context.Error($"{axisCount} axes for rank {rank}");
            for (int i = 0; i < axisCount; i++) axes[i] = KernelHelpers.NormalizeAxis(_axes[i], rank);
        }
        else for (int i = 0; i < rank; i++) axes[i] = i;

        Span<long> shape = stackalloc long[rank];
        Span<double> scale = stackalloc double[rank];
        Span<double> width = stackalloc double[rank]; // the output length before rounding (scale * input length)
        Span<double> roiStart = stackalloc double[rank];
        Span<double> roiEnd = stackalloc double[rank];
        x.Shape.CopyTo(shape);
        for (int d = 0; d < rank; d++) width[d] = x.Dim(d);
        scale.Fill(1);
        roiStart.Clear();
        roiEnd.Fill(1);

        Tensor? scales = null, sizes = null, roi = null;
        if (_legacyInputs) scales = context.Input(1);
        else if (_scalesAttribute == null)
        {
            roi = context.OptionalInput(1);
            scales = context.OptionalInput(2);
            sizes = context.OptionalInput(3);
        }
        if (scales is { Length: 0 }) scales = null;
        if (sizes is { Length: 0 }) sizes = null;
        if (roi is { Length: 0 }) roi = null;

        if (_scalesAttribute != null)
        {
            if (_scalesAttribute.Length != rank) throw context.Error($"'scales' has {_scalesAttribute.Length} values for rank {rank}");
            for (int d = 0; d < rank; d++) SetScale(context, d, _scalesAttribute[d], x, shape, scale, width);
        }
        else if (scales != null)
        {
            if (sizes != null) throw context.Error("only one of 'scales' and 'sizes' may be given");
            if (scales.Length != axisCount) throw context.Error($"'scales' has {scales.Length} values for {axisCount} axes");
            for (int i = 0; i < axisCount; i++) SetScale(context, axes[i], (float)Numbers.Get(scales, i), x, shape, scale, width);
        }
        else if (sizes != null)
        {
            if (sizes.Length != axisCount) throw context.Error($"'sizes' has {sizes.Length} values for {axisCount} axes");
            if (_policy == AspectPolicy.Stretch)
            {
                for (int i = 0; i < axisCount; i++)
                {
                    int d = axes[i];
                    shape[d] = Indexing.Read(sizes, i);
                    if (shape[d] < 0) throw context.Error($"size {shape[d]} is negative");
                    scale[d] = x.Dim(d) == 0 ? 1 : (double)shape[d] / x.Dim(d);
                    width[d] = shape[d];
                }
            }
            else
            {
                double s = _policy == AspectPolicy.NotLarger ? double.MaxValue : double.MinValue;
                for (int i = 0; i < axisCount; i++)
                {
                    double r = (double)Indexing.Read(sizes, i) / x.Dim(axes[i]);
                    s = _policy == AspectPolicy.NotLarger ? Math.Min(s, r) : Math.Max(s, r);
                }
                for (int i = 0; i < axisCount; i++)
                {
                    int d = axes[i];
                    scale[d] = s;
                    shape[d] = (long)Math.Floor(s * x.Dim(d) + 0.5);
                    width[d] = s * x.Dim(d);
                }
            }
        }
        else throw context.Error("one of 'scales' and 'sizes' must be given");

        if (roi != null && _transform == Transform.TfCropAndResize)
        {
            if (roi.Length != 2 * axisCount) throw context.Error($"'roi' has {roi.Length} values for {axisCount} axes");
            for (int i = 0; i < axisCount; i++)
            {
                roiStart[axes[i]] = Numbers.Get(roi, i);
                roiEnd[axes[i]] = Numbers.Get(roi, axisCount + i);
            }
        }

        y.Allocate(x.Type, shape);
        if (y.Length == 0) return;
        if (x.Length == 0) throw context.Error("cannot resize an empty input to a non-empty output");

        // Taps of every axis.
        long coordinates = 0;
        for (int d = 0; d < rank; d++) coordinates += shape[d];
        var tapStart = Scratch.Ensure(ref _tapStart, coordinates);
        var tapCount = Scratch.Ensure(ref _tapCount, coordinates);
        var outside = Scratch.Ensure(ref _outside, coordinates);
        long tapTotal = 0;
        for (int d = 0; d < rank; d++) tapTotal += shape[d] * TapWidth(FilterScale(scale[d]));
        var tapIndex = Scratch.Ensure(ref _tapIndex, tapTotal);
        var tapWeight = Scratch.Ensure(ref _tapWeight, tapTotal);
        Span<int> axisBase = stackalloc int[rank];
        int coordinate = 0, tap = 0;
        for (int d = 0; d < rank; d++)
        {
            axisBase[d] = coordinate;
            for (long o = 0; o < shape[d]; o++, coordinate++)
            {
                tapStart[coordinate] = tap;
                double xo = Original(o, x.Dim(d), shape[d], width[d], scale[d], roiStart[d], roiEnd[d]);
                outside[coordinate] = _transform == Transform.TfCropAndResize && (xo < 0 || xo > x.Dim(d) - 1);
                int n = _mode == Mode.Nearest
                    ? NearestTap(xo, x.Dim(d), scale[d], tapIndex.Slice(tap), tapWeight.Slice(tap))
                    : FilterTaps(xo, x.Dim(d), FilterScale(scale[d]), tapIndex.Slice(tap), tapWeight.Slice(tap));
                tapCount[coordinate] = n;
                tap += n;
            }
        }

        Span<long> strides = stackalloc long[rank];
        Broadcast.DenseStrides(x.Shape, strides);
        Span<long> index = stackalloc long[rank];
        index.Clear();
        if (_mode == Mode.Nearest)
        {
            // One tap per axis: a gather by index map, which works for every element type.
            if (_transform == Transform.TfCropAndResize) FillExtrapolation(context, y);
            var map = Scratch.Ensure(ref _map, y.Length);
            for (int j = 0; j < map.Length; j++)
            {
                long offset = 0;
                for (int d = 0; d < rank; d++)
                {
                    int c = axisBase[d] + (int)index[d];
                    if (outside[c])
                    {
                        offset = -1;
                        break;
                    }
                    offset += tapIndex[tapStart[c]] * strides[d];
                }
                map[j] = (int)offset;
                IndexMaps.Next(index, shape);
            }
            ElementCopy.Gather(x, map, y);
            return;
        }

        Span<int> t = stackalloc int[rank];
        for (long j = 0; j < y.Length; j++)
        {
            bool isOutside = false;
            for (int d = 0; d < rank; d++) isOutside |= outside[axisBase[d] + (int)index[d]];
            double value;
            if (isOutside) value = _extrapolation;
            else
            {
                // Sum over every combination of taps (an odometer over the axes' tap lists).
                value = 0;
                t.Clear();
                while (true)
                {
                    double w = 1;
                    long offset = 0;
                    for (int d = 0; d < rank; d++)
                    {
                        int k = tapStart[axisBase[d] + (int)index[d]] + t[d];
                        w *= tapWeight[k];
                        offset += tapIndex[k] * strides[d];
                    }
                    value += w * Numbers.Get(x, offset);
                    int e = rank - 1;
                    for (; e >= 0; e--)
                    {
                        if (++t[e] < tapCount[axisBase[e] + (int)index[e]]) break;
                        t[e] = 0;
                    }
                    if (e < 0) break;
                }
            }
            Store(y, j, value);
            IndexMaps.Next(index, shape);
        }
    }

    private static void SetScale(KernelContext context, int d, float s, Tensor x, Span<long> shape, Span<double> scale, Span<double> width)
    {
        if (!(s > 0)) throw context.Error($"scale {s} must be positive");
        scale[d] = s;
        width[d] = (double)s * x.Dim(d);
        shape[d] = (long)((float)x.Dim(d) * s);
    }

    /// <summary>The input coordinate an output coordinate maps to.</summary>
    private double Original(long o, long lengthIn, long lengthOut, double width, double scale, double roiStart, double roiEnd)
    {
        switch (_transform)
        {
            case Transform.HalfPixel: return (o + 0.5) / scale - 0.5;
            case Transform.HalfPixelSymmetric:
                double adjustment = lengthOut / width;
                double offset = lengthIn / 2.0 * (1 - adjustment);
                return offset + (o + 0.5) / scale - 0.5;
            case Transform.PytorchHalfPixel: return lengthOut > 1 ? (o + 0.5) / scale - 0.5 : 0;
            case Transform.AlignCorners:
                // The ONNX reference (and the conformance data) divide by the unrounded output width
                // scale * lengthIn, which differs from the integer length when a scale is given.
                return width == 1 ? 0 : o * (lengthIn - 1) / (width - 1);
            case Transform.Asymmetric: return o / scale;
            case Transform.TfHalfPixelForNearest: return (o + 0.5) / scale;
            default:
                return lengthOut > 1
                    ? roiStart * (lengthIn - 1) + o * (roiEnd - roiStart) * (lengthIn - 1) / (lengthOut - 1)
                    : 0.5 * (roiStart + roiEnd) * (lengthIn - 1);
        }
    }

    private int NearestTap(double xo, long lengthIn, double scale, Span<long> index, Span<double> weight)
    {
        double f = Math.Floor(xo);
        double i = _nearest switch
        {
            NearestRule.RoundPreferFloor => xo - f == 0.5 ? f : Math.Floor(xo + 0.5),
            NearestRule.RoundPreferCeil => xo - f == 0.5 ? f + 1 : Math.Floor(xo + 0.5),
            NearestRule.Floor => f,
            NearestRule.Ceil => Math.Ceiling(xo),
            _ => scale < 1 ? Math.Ceiling(xo) : Math.Truncate(xo),
        };
        index[0] = (long)Math.Clamp(i, 0, lengthIn - 1);
        weight[0] = 1;
        return 1;
    }

    /// <summary>The scale the linear or cubic filter is stretched by: below 1 only with antialias.</summary>
    private double FilterScale(double scale) => _antialias ? Math.Min(scale, 1) : 1;

    /// <summary>First tap offset (relative to floor(x)) of the filter at <paramref name="filterScale"/>.</summary>
    private int FirstTap(double filterScale) => _mode switch
    {
        Mode.Nearest => 0,
        Mode.Linear => (int)Math.Floor(-1 / filterScale) + 1,
        _ => (int)Math.Floor(-2 / filterScale) + 1,
    };

    private int TapWidth(double filterScale) => _mode == Mode.Nearest ? 1 : 2 - 2 * FirstTap(filterScale);

    /// <summary>Linear or cubic taps around <paramref name="xo"/>: the neighbour floor(x) + i gets the
    /// filter value at (i - ratio) * filterScale; taps past the edges use the edge element (or, with
    /// exclude_outside, are dropped); the weights are normalised to sum to 1.</summary>
    private int FilterTaps(double xo, long lengthIn, double filterScale, Span<long> index, Span<double> weight)
    {
        // For an integer x the pixel on the left is the base, with ratio 1 (the ONNX reference's choice).
        double fl = Math.Floor(xo);
        long baseIndex = (long)fl;
        double ratio = xo - fl;
        if (ratio == 0)
        {
            baseIndex -= 1;
            ratio = 1;
        }
        int first = FirstTap(filterScale), width = TapWidth(filterScale);
        double sum = 0;
        int n = 0;
        for (int i = first; i < first + width; i++)
        {
            double arg = (i - ratio) * filterScale;
            double w = _mode == Mode.Linear ? Math.Clamp(1 - Math.Abs(arg), 0, 1) : Cubic(arg);
            long neighbour = baseIndex + i;
            if (_excludeOutside && (neighbour < 0 || neighbour >= lengthIn)) w = 0;
            sum += w;
            if (w == 0) continue;
            index[n] = Math.Clamp(neighbour, 0, lengthIn - 1);
            weight[n] = w;
            n++;
        }
        if (sum != 0) for (int k = 0; k < n; k++) weight[k] /= sum;
        return n;
    }

    private double Cubic(double v)
    {
        double a = _cubicA, s = Math.Abs(v);
        if (s <= 1) return ((a + 2) * s - (a + 3)) * s * s + 1;
        if (s < 2) return ((a * s - 5 * a) * s + 8 * a) * s - 4 * a;
        return 0;
    }

    private void FillExtrapolation(KernelContext context, Tensor y)
    {
        if (y.Type == DataType.String) ElementCopy.Clear(y);
        else if (!Numbers.IsNumeric(y.Type)) throw context.Error($"tf_crop_and_resize does not support {DataTypeInfo.Name(y.Type)}");
        else for (long i = 0; i < y.Length; i++) Numbers.Set(y, i, _extrapolation);
    }

    /// <summary>Writes an interpolated value; integer types truncate toward zero and saturate, as ONNX Runtime does.</summary>
    private static void Store(Tensor y, long i, double v) => Numbers.Set(y, i, v);
}
