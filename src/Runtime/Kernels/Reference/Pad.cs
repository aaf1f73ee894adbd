using EdgeML.Runtime.Kernels.Common;
using EdgeML.Runtime.Tensors;

namespace EdgeML.Runtime.Kernels.Reference;

/// <summary>Pad: adds (or, for negative pads, removes) elements at both ends of each axis. Modes:
/// constant (a fill value), reflect (mirror without repeating the edge), edge (repeat the edge),
/// wrap (opset 19, cyclic). Negative pads crop first; the other modes then fold into what is left.
/// Opsets 1 and 2 take pads and value as attributes; 11 on as inputs; 18 on adds an axes input.</summary>
public sealed class Pad : Kernel
{
    private enum Mode { Constant, Reflect, Edge, Wrap }

    private readonly Mode _mode;
    private readonly long[]? _padsAttribute;
    private readonly float _valueAttribute;
    private int[] _map = [];

    private Pad(Mode mode, long[]? pads, float value)
    {
        _mode = mode;
        _padsAttribute = pads;
        _valueAttribute = value;
    }

    public static Kernel Create(KernelInfo info)
    {
        var a = info.Attributes;
        var mode = a.GetString("mode", "constant") switch
        {
            "constant" => Mode.Constant,
            "reflect" => Mode.Reflect,
            "edge" => Mode.Edge,
            "wrap" when info.Version >= 19 => Mode.Wrap,
            var m => throw info.Error($"mode '{m}' is not supported"),
        };
        if (info.Version >= 11) return new Pad(mode, null, 0);
        var pads = a.GetIntsOrNull(info.Version < 2 ? "paddings" : "pads") ?? throw info.Error("attribute 'pads' is required");
        return new Pad(mode, pads, a.GetFloat("value", 0));
    }

    public override void Execute(KernelContext context)
    {
        var x = context.Input(0);
        var y = context.Output(0);
        int rank = x.Rank;
        if (rank > Broadcast.MaxRank) throw context.Error($"rank {rank} exceeds {Broadcast.MaxRank}");
        Span<long> pads = stackalloc long[2 * rank];
        pads.Clear();
        if (_padsAttribute != null)
        {
            if (_padsAttribute.Length != 2 * rank) throw context.Error($"'pads' has {_padsAttribute.Length} values; rank {rank} needs {2 * rank}");
            _padsAttribute.CopyTo(pads);
        }
        else
        {
            Span<long> given = stackalloc long[2 * Broadcast.MaxRank];
            int n = KernelHelpers.ReadInt64s(context.Input(1), given);
            var axesInput = context.OptionalInput(3);
            if (axesInput == null)
            {
                if (n != 2 * rank) throw context.Error($"'pads' has {n} values; rank {rank} needs {2 * rank}");
                given[..n].CopyTo(pads);
            }
            else
            {
                Span<long> axes = stackalloc long[Broadcast.MaxRank];
                int m = KernelHelpers.ReadInt64s(axesInput, axes);
                if (n != 2 * m) throw context.Error($"'pads' has {n} values for {m} axes");
                for (int i = 0; i < m; i++)
                {
                    int d = KernelHelpers.NormalizeAxis(axes[i], rank);
                    pads[d] = given[i];
                    pads[rank + d] = given[m + i];
                }
            }
        }

        // Per axis: the kept region [lo, lo + size) of the input and the padding before it.
        Span<long> lo = stackalloc long[rank];
        Span<long> size = stackalloc long[rank];
        Span<long> before = stackalloc long[rank];
        Span<long> shape = stackalloc long[rank];
        for (int d = 0; d < rank; d++)
        {
            long b = pads[d], e = pads[rank + d];
            lo[d] = Math.Max(0, -b);
            size[d] = x.Dim(d) - lo[d] - Math.Max(0, -e);
            if (size[d] < 0) throw context.Error($"pads {b}, {e} remove more than axis {d} of size {x.Dim(d)} holds");
            before[d] = Math.Max(0, b);
            shape[d] = size[d] + before[d] + Math.Max(0, e);
            if (_mode != Mode.Constant && size[d] == 0 && shape[d] > 0) throw context.Error($"cannot pad the empty axis {d} in mode {_mode.ToString().ToLowerInvariant()}");
        }
        y.Allocate(x.Type, shape);
        if (y.Length == 0) return;
        if (_mode == Mode.Constant) FillConstant(context, y);

        Span<long> strides = stackalloc long[rank];
        Broadcast.DenseStrides(x.Shape, strides);
        Span<long> index = stackalloc long[rank];
        index.Clear();
        var map = Scratch.Ensure(ref _map, y.Length);
        for (int j = 0; j < map.Length; j++)
        {
            long offset = 0;
            for (int d = 0; d < rank && offset >= 0; d++)
            {
                long c = index[d] - before[d];
                if (c < 0 || c >= size[d])
                {
                    if (_mode == Mode.Constant)
                    {
                        offset = -1;
                        break;
                    }
                    c = Fold(c, size[d]);
                }
                offset += (lo[d] + c) * strides[d];
            }
            map[j] = (int)offset;
            IndexMaps.Next(index, shape);
        }
        ElementCopy.Gather(x, map, y);
    }

    private long Fold(long c, long n)
    {
        switch (_mode)
        {
            case Mode.Edge: return Math.Clamp(c, 0, n - 1);
            case Mode.Wrap: return ((c % n) + n) % n;
            default:
                if (n == 1) return 0;
                long period = 2 * (n - 1);
                c = ((c % period) + period) % period;
                return c < n ? c : period - c;
        }
    }

    private void FillConstant(KernelContext context, Tensor y)
    {
        if (_padsAttribute != null)
        {
            if (y.Type == DataType.String) ElementCopy.Clear(y);
            else if (_valueAttribute == 0) y.Bytes.Clear();
            else for (long i = 0; i < y.Length; i++) Numbers.Set(y, i, _valueAttribute);
            return;
        }
        var value = context.OptionalInput(2);
        if (value == null || value.Length == 0) ElementCopy.Clear(y);
        else ElementCopy.Fill(y, value, 0);
    }
}
