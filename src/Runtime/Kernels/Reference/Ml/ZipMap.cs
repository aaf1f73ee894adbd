using EdgeML.Runtime.Tensors;

namespace EdgeML.Runtime.Kernels.Reference.Ml;

/// <summary>ai.onnx.ml ZipMap (1): each row of the float scores [N, C] (or [C]) becomes a map from
/// the class labels (classlabels_strings or classlabels_int64s) to the row's scores; the output is
/// the sequence of those maps. Keys are written in ascending (ordinal) order, as ONNX Runtime's
/// ordered maps enumerate them.</summary>
public sealed class ZipMap : Kernel
{
    private readonly string[]? _stringKeys;
    private readonly long[]? _intKeys;
    private readonly int[] _order; // _order[k]: the column of the k-th key in sorted order

    private ZipMap(string[]? stringKeys, long[]? intKeys, int[] order)
    {
        _stringKeys = stringKeys;
        _intKeys = intKeys;
        _order = order;
    }

    public static Kernel Create(KernelInfo info)
    {
        var strings = info.Attributes.GetStrings("classlabels_strings", []);
        var ints = info.Attributes.GetInts("classlabels_int64s", []);
        if ((strings.Length == 0) == (ints.Length == 0)) throw info.Error("exactly one of classlabels_strings and classlabels_int64s must be given");
        int n = strings.Length + ints.Length;
        var order = new int[n];
        for (int i = 0; i < n; i++) order[i] = i;
        if (strings.Length > 0)
        {
            Array.Sort(order, (p, q) => string.CompareOrdinal(strings[p], strings[q]));
            return new ZipMap(Array.ConvertAll(order, i => strings[i]), null, order);
        }
        Array.Sort(order, (p, q) => ints[p].CompareTo(ints[q]));
        return new ZipMap(null, Array.ConvertAll(order, i => ints[i]), order);
    }

    public override void Execute(KernelContext context)
    {
        var x = context.Input(0);
        if (x.Type != DataType.Float) throw context.Error("the input must be float");
        int columns = _order.Length;
        int rows = x.Rank switch
        {
            1 => 1,
            2 => (int)x.Dim(0),
            _ => throw context.Error($"the input must have shape [C] or [N, C], not {Tensor.ShapeText(x.Shape)}"),
        };
        if (x.Dim(x.Rank - 1) != columns) throw context.Error($"the input has {x.Dim(x.Rank - 1)} columns for {columns} class labels");
        var scores = x.ReadOnlySpan<float>();
        var z = context.Output(0);
        z.SetSequence(DataType.Float);
        Span<long> shape = [columns];
        for (int r = 0; r < rows; r++)
        {
            var (keys, values) = z.AddItem().SetMap(_stringKeys != null ? DataType.String : DataType.Int64, DataType.Float);
            if (_stringKeys != null)
            {
                keys.Allocate(DataType.String, shape);
                _stringKeys.AsSpan().CopyTo(keys.Strings);
            }
            else
            {
                keys.Allocate(DataType.Int64, shape);
                _intKeys.AsSpan().CopyTo(keys.Span<long>());
            }
            values.Allocate(DataType.Float, shape);
            var v = values.Span<float>();
            for (int k = 0; k < columns; k++) v[k] = scores[r * columns + _order[k]];
        }
    }
}
