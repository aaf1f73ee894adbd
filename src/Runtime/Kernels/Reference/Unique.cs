using EdgeML.Runtime.Kernels.Common;
using EdgeML.Runtime.Tensors;

namespace EdgeML.Runtime.Kernels.Reference;

/// <summary>Unique: the distinct elements (or, with 'axis', the distinct slices along that axis) of
/// the input, sorted ascending (sorted=1, slices lexicographically) or in order of first occurrence
/// (sorted=0). Optional outputs: the index of each unique item's first occurrence, the index in Y of
/// every input item (inverse_indices) and how often each unique item occurs (counts).</summary>
public sealed class Unique : Kernel
{
    private readonly long? _axis;
    private readonly bool _sorted;
    private int[] _order = [], _scratch = [], _groupOf = [], _groupFirst = [], _groupCount = [], _position = [], _byPosition = [];

    private Unique(long? axis, bool sorted)
    {
        _axis = axis;
        _sorted = sorted;
    }

    public static Kernel Create(KernelInfo info)
        => new Unique(info.Attributes.Has("axis") ? info.Attributes.GetInt("axis", 0) : null, info.Attributes.GetInt("sorted", 1) != 0);

    public override void Execute(KernelContext context)
    {
        var x = context.Input(0);
        switch (x.Type)
        {
            case DataType.Float: Run(context, new NumberOrder<float>(x)); break;
            case DataType.Double: Run(context, new NumberOrder<double>(x)); break;
            case DataType.Float16: Run(context, new NumberOrder<Half>(x)); break;
            case DataType.BFloat16: Run(context, new BFloat16Order(x)); break;
            case DataType.Int8: Run(context, new NumberOrder<sbyte>(x)); break;
            case DataType.Int16: Run(context, new NumberOrder<short>(x)); break;
            case DataType.Int32: Run(context, new NumberOrder<int>(x)); break;
            case DataType.Int64: Run(context, new NumberOrder<long>(x)); break;
            case DataType.UInt8 or DataType.Bool: Run(context, new NumberOrder<byte>(x)); break;
            case DataType.UInt16: Run(context, new NumberOrder<ushort>(x)); break;
            case DataType.UInt32: Run(context, new NumberOrder<uint>(x)); break;
            case DataType.UInt64: Run(context, new NumberOrder<ulong>(x)); break;
            case DataType.String: Run(context, new StringOrder(x)); break;
            default: throw context.Error($"element type {DataTypeInfo.Name(x.Type)} is not supported");
        }
    }

    private void Run<TOrder>(KernelContext context, TOrder order) where TOrder : struct, IElementOrder
    {
        var x = context.Input(0);
        int axis = -1;
        long n = x.Length, outer = 1, inner = 1;
        if (_axis is { } a)
        {
            axis = KernelHelpers.NormalizeAxis(a, x.Rank);
            n = x.Dim(axis);
            outer = KernelHelpers.Product(x.Shape, 0, axis);
            inner = KernelHelpers.Product(x.Shape, axis + 1, x.Rank);
        }

        // Sort the items stably, then group equal neighbours: the first of a group is the first occurrence.
        var ids = Scratch.Ensure(ref _order, n);
        var scratch = Scratch.Ensure(ref _scratch, n);
        for (int i = 0; i < n; i++) ids[i] = i;
        var comparer = new SliceComparer<TOrder> { Order = order, Count = n, Outer = outer, Inner = inner };
        StableSort.Sort(ids, scratch, ref comparer);
        var groupOf = Scratch.Ensure(ref _groupOf, n);
        var groupFirst = Scratch.Ensure(ref _groupFirst, n);
        var groupCount = Scratch.Ensure(ref _groupCount, n);
        int groups = 0;
        for (int s = 0; s < n; s++)
        {
            if (s == 0 || comparer.CompareValues(ids[s - 1], ids[s]) != 0)
            {
                groupFirst[groups] = ids[s];
                groupCount[groups] = 0;
                groups++;
            }
            groupOf[ids[s]] = groups - 1;
            groupCount[groups - 1]++;
        }

        // Output position of each group: sorted order, or order of first occurrence.
        var position = Scratch.Ensure(ref _position, groups);
        var byPosition = Scratch.Ensure(ref _byPosition, groups);
        for (int g = 0; g < groups; g++) byPosition[g] = g;
        if (!_sorted)
        {
            var firsts = new FirstComparer(_groupFirst);
            StableSort.Sort(byPosition, scratch, ref firsts);
        }
        for (int p = 0; p < groups; p++) position[byPosition[p]] = p;

        var y = context.Output(0);
        if (axis < 0)
        {
            Span<long> shape = [groups];
            y.Allocate(x.Type, shape);
        }
        else
        {
            Span<long> shape = stackalloc long[x.Rank];
            x.Shape.CopyTo(shape);
            shape[axis] = groups;
            y.Allocate(x.Type, shape);
        }
        for (int p = 0; p < groups; p++)
        {
            long item = groupFirst[byPosition[p]];
            for (long o = 0; o < outer; o++) ElementCopy.Copy(x, (o * n + item) * inner, y, (o * groups + p) * inner, inner);
        }
        Span<long> groupShape = [groups];
        if (context.OptionalOutput(1) is { } firstOut)
        {
            firstOut.Allocate(DataType.Int64, groupShape);
            var dst = firstOut.Span<long>();
            for (int p = 0; p < groups; p++) dst[p] = groupFirst[byPosition[p]];
        }
        if (context.OptionalOutput(2) is { } inverseOut)
        {
            Span<long> itemShape = [n];
            inverseOut.Allocate(DataType.Int64, itemShape);
            var dst = inverseOut.Span<long>();
            for (int i = 0; i < n; i++) dst[i] = position[groupOf[i]];
        }
        if (context.OptionalOutput(3) is { } countsOut)
        {
            countsOut.Allocate(DataType.Int64, groupShape);
            var dst = countsOut.Span<long>();
            for (int p = 0; p < groups; p++) dst[p] = groupCount[byPosition[p]];
        }
    }

    /// <summary>Compares items (elements, or slices along the axis) lexicographically, then by index.</summary>
    private struct SliceComparer<TOrder> : IIdComparer where TOrder : struct, IElementOrder
    {
        public TOrder Order;
        public long Count, Outer, Inner;

        public readonly int CompareValues(int a, int b)
        {
            for (long o = 0; o < Outer; o++)
            {
                long baseA = (o * Count + a) * Inner, baseB = (o * Count + b) * Inner;
                for (long i = 0; i < Inner; i++)
                {
                    int c = Order.Compare(baseA + i, baseB + i);
                    if (c != 0) return c;
                }
            }
            return 0;
        }

        public readonly int Compare(int a, int b)
        {
            int c = CompareValues(a, b);
            return c != 0 ? c : a.CompareTo(b);
        }
    }

    /// <summary>Orders groups by their first occurrence.</summary>
    private readonly struct FirstComparer(int[] first) : IIdComparer
    {
        public int Compare(int a, int b) => first[a].CompareTo(first[b]);
    }
}
