using EdgeML.Runtime.Kernels.Common;
using EdgeML.Runtime.Tensors;

namespace EdgeML.Runtime.Kernels.Reference;

/// <summary>
/// GridSample: samples the input [N, C, D1..Dr] at the points of a grid [N, O1..Or, r] of normalised
/// coordinates in [-1, 1] (component 0 is the last axis, x). Modes nearest (round half to even),
/// linear (bilinear in opset 16) and cubic (bicubic, A = -0.75); padding zeros, border (clamp) or
/// reflection (mirror at the borders, which are the outer pixel centres with align_corners and the
/// outer pixel edges without). Opset 16 is 2-D only; 20 on is N-D.
/// </summary>
public sealed class GridSample : Kernel
{
    private enum Mode { Nearest, Linear, Cubic }
    private enum Padding { Zeros, Border, Reflection }

    private readonly Mode _mode;
    private readonly Padding _padding;
    private readonly bool _alignCorners;
    private readonly bool _only2D;

    private GridSample(Mode mode, Padding padding, bool alignCorners, bool only2D)
    {
        _mode = mode;
        _padding = padding;
        _alignCorners = alignCorners;
        _only2D = only2D;
    }

    public static Kernel Create(KernelInfo info)
    {
        var a = info.Attributes;
        bool v16 = info.Version < 20;
        var mode = a.GetString("mode", v16 ? "bilinear" : "linear") switch
        {
            "bilinear" when v16 => Mode.Linear,
            "bicubic" when v16 => Mode.Cubic,
            "linear" when !v16 => Mode.Linear,
            "cubic" when !v16 => Mode.Cubic,
            "nearest" => Mode.Nearest,
            var m => throw info.Error($"mode '{m}' is not supported"),
        };
        var padding = a.GetString("padding_mode", "zeros") switch
        {
            "zeros" => Padding.Zeros,
            "border" => Padding.Border,
            "reflection" => Padding.Reflection,
            var p => throw info.Error($"padding_mode '{p}' is not supported"),
        };
        return new GridSample(mode, padding, a.GetInt("align_corners", 0) != 0, v16);
    }

    public override void Execute(KernelContext context)
    {
        var x = context.Input(0);
        var grid = context.Input(1);
        var y = context.Output(0);
        int r = x.Rank - 2;
        if (r < 1 || r > 8) throw context.Error($"input must have 1 to 8 spatial dimensions, not {r}");
        if (_only2D && r != 2) throw context.Error("opset 16 GridSample takes 4-D input only");
        if (_mode == Mode.Cubic && r != 2) throw context.Error("cubic mode supports 2-D input only");
        if (!DataTypeInfo.IsFloat(x.Type) || !Numbers.IsNumeric(x.Type)) throw context.Error($"element type {DataTypeInfo.Name(x.Type)} is not supported");
        if (grid.Rank != r + 2 || grid.Dim(r + 1) != r || grid.Dim(0) != x.Dim(0))
            throw context.Error($"grid {Tensor.ShapeText(grid.Shape)} does not fit input {Tensor.ShapeText(x.Shape)}");
        long n = x.Dim(0), c = x.Dim(1);
        Span<long> shape = stackalloc long[r + 2];
        shape[0] = n;
        shape[1] = c;
        for (int d = 0; d < r; d++) shape[2 + d] = grid.Dim(1 + d);
        y.Allocate(x.Type, shape);
        long points = KernelHelpers.Product(grid.Shape, 1, r + 1);
        long plane = KernelHelpers.Product(x.Shape, 2, x.Rank);
        Span<long> strides = stackalloc long[r];
        Broadcast.DenseStrides(x.Shape[2..], strides);

        int width = _mode switch { Mode.Nearest => 1, Mode.Linear => 2, _ => 4 };
        Span<long> tapIndex = stackalloc long[r * width];
        Span<double> tapWeight = stackalloc double[r * width];
        Span<bool> tapInside = stackalloc bool[r * width];
        Span<int> t = stackalloc int[r];
        Span<double> coords = stackalloc double[r];
        for (long b = 0; b < n; b++)
        {
            for (long p = 0; p < points; p++)
            {
                // Pixel coordinates (grid component k is spatial axis r - 1 - k). When the point lies
                // outside the input on any axis, reflection (and border, except in cubic mode) moves it
                // inside first; cubic border padding instead clamps each of its taps, as PyTorch and
                // ONNX Runtime do.
                bool outsideAny = false;
                for (int d = 0; d < r; d++)
                {
                    long size = x.Dim(2 + d);
                    double g = Numbers.Get(grid, (b * points + p) * r + (r - 1 - d));
                    double coordinate = _alignCorners ? (g + 1) / 2 * (size - 1) : ((g + 1) * size - 1) / 2;
                    if (_mode == Mode.Nearest) coordinate = Math.Round(coordinate, MidpointRounding.ToEven);
                    double lo = _alignCorners ? 0 : -0.5, hi = _alignCorners ? size - 1 : size - 0.5;
                    outsideAny |= coordinate < lo || coordinate > hi;
                    coords[d] = coordinate;
                }
                for (int d = 0; d < r; d++)
                {
                    long size = x.Dim(2 + d);
                    double lo = _alignCorners ? 0 : -0.5, hi = _alignCorners ? size - 1 : size - 0.5;
                    if (outsideAny && _padding == Padding.Border && _mode != Mode.Cubic) coords[d] = Math.Clamp(coords[d], 0, size - 1);
                    else if (outsideAny && _padding == Padding.Reflection) coords[d] = Reflect(coords[d], lo, hi);
                    Taps(coords[d], size, tapIndex.Slice(d * width, width), tapWeight.Slice(d * width, width), tapInside.Slice(d * width, width));
                }
                for (long ch = 0; ch < c; ch++)
                {
                    long channelBase = (b * c + ch) * plane;
                    double value = 0;
                    t.Clear();
                    while (true)
                    {
                        double w = 1;
                        long offset = 0;
                        bool inside = true;
                        for (int d = 0; d < r; d++)
                        {
                            int k = d * width + t[d];
                            w *= tapWeight[k];
                            inside &= tapInside[k];
                            offset += tapIndex[k] * strides[d];
                        }
                        if (inside && w != 0) value += w * Numbers.Get(x, channelBase + offset);
                        int e = r - 1;
                        for (; e >= 0; e--)
                        {
                            if (++t[e] < width) break;
                            t[e] = 0;
                        }
                        if (e < 0) break;
                    }
                    Numbers.Set(y, (b * c + ch) * points + p, value);
                }
            }
        }
    }

    /// <summary>The taps along one axis for a pixel coordinate: index, weight and whether the pixel
    /// exists (false only for zeros padding outside the input).</summary>
    private void Taps(double coordinate, long size, Span<long> index, Span<double> weight, Span<bool> inside)
    {
        double lo = _alignCorners ? 0 : -0.5, hi = _alignCorners ? size - 1 : size - 0.5;
        switch (_mode)
        {
            case Mode.Nearest:
                Pixel((long)coordinate, size, lo, hi, index, inside, 0);
                weight[0] = 1;
                break;
            case Mode.Linear:
            {
                double f = Math.Floor(coordinate), ratio = coordinate - f;
                Pixel((long)f, size, lo, hi, index, inside, 0);
                Pixel((long)f + 1, size, lo, hi, index, inside, 1);
                weight[0] = 1 - ratio;
                weight[1] = ratio;
                break;
            }
            default:
            {
                double f = Math.Floor(coordinate), s = coordinate - f;
                const double A = -0.75;
                weight[0] = ((A * (s + 1) - 5 * A) * (s + 1) + 8 * A) * (s + 1) - 4 * A;
                weight[1] = ((A + 2) * s - (A + 3)) * s * s + 1;
                weight[2] = ((A + 2) * (1 - s) - (A + 3)) * (1 - s) * (1 - s) + 1;
                weight[3] = ((A * (2 - s) - 5 * A) * (2 - s) + 8 * A) * (2 - s) - 4 * A;
                for (int k = 0; k < 4; k++) Pixel((long)f - 1 + k, size, lo, hi, index, inside, k);
                break;
            }
        }
    }

    /// <summary>Resolves pixel <paramref name="i"/> under the padding mode.</summary>
    private void Pixel(long i, long size, double lo, double hi, Span<long> index, Span<bool> inside, int k)
    {
        inside[k] = true;
        if (i >= 0 && i < size) index[k] = i;
        else if (_padding == Padding.Zeros)
        {
            index[k] = 0;
            inside[k] = false;
        }
        else if (_padding == Padding.Border) index[k] = Math.Clamp(i, 0, size - 1);
        else index[k] = Math.Clamp((long)Reflect(i, lo, hi), 0, size - 1);
    }

    /// <summary>Mirrors <paramref name="v"/> back into [lo, hi], repeatedly.</summary>
    private static double Reflect(double v, double lo, double hi)
    {
        double range = hi - lo;
        if (range <= 0) return lo;
        if (v < lo)
        {
            double dx = lo - v;
            long k = (long)(dx / range);
            double rest = dx - k * range;
            return k % 2 == 0 ? lo + rest : hi - rest;
        }
        if (v > hi)
        {
            double dx = v - hi;
            long k = (long)(dx / range);
            double rest = dx - k * range;
            return k % 2 == 0 ? hi - rest : lo + rest;
        }
        return v;
    }
}
