using EdgeML.Runtime.Kernels.Common;
using EdgeML.Runtime.Tensors;

namespace EdgeML.Runtime.Kernels.Reference;

/// <summary>Einsum: a sum of products over the labels of an Einstein-summation equation, e.g.
/// "bij,bjk->bik". Supports any number of inputs, repeated labels within a term (diagonals),
/// "..." (broadcast dimensions, aligned at the right) and the implicit form without "->" (output:
/// the broadcast dimensions, then every label used once, alphabetically). Reference contraction: one
/// loop over every combination of labels, accumulating in double (int64 for integer types).</summary>
public sealed class Einsum : Kernel
{
    private const int Letters = 52;
    private const int Ellipsis = -1;
    private const int MaxLabels = Letters + Broadcast.MaxRank;

    private readonly int[][] _terms;      // per input: letter ids, Ellipsis for "..."
    private readonly int[]? _output;      // explicit output term, or null for the implicit form
    private double[] _sum = [];
    private long[] _sumInt = [];

    private Einsum(int[][] terms, int[]? output)
    {
        _terms = terms;
        _output = output;
    }

    public static Kernel Create(KernelInfo info)
    {
        string equation = info.Attributes.GetString("equation", "").Replace(" ", "", StringComparison.Ordinal);
        if (equation.Length == 0) throw info.Error("attribute 'equation' is required");
        int arrow = equation.IndexOf("->", StringComparison.Ordinal);
        string lhs = arrow >= 0 ? equation[..arrow] : equation;
        var parts = lhs.Split(',');
        if (parts.Length != info.InputCount) throw info.Error($"equation '{equation}' has {parts.Length} input terms for {info.InputCount} inputs");
        var terms = new int[parts.Length][];
        for (int i = 0; i < parts.Length; i++) terms[i] = ParseTerm(info, parts[i], equation);
        int[]? output = arrow >= 0 ? ParseTerm(info, equation[(arrow + 2)..], equation) : null;
        return new Einsum(terms, output);
    }

    private static int[] ParseTerm(KernelInfo info, string term, string equation)
    {
        var ids = new List<int>();
        bool ellipsis = false;
        for (int c = 0; c < term.Length; c++)
        {
            char ch = term[c];
            if (ch == '.')
            {
                if (ellipsis || c + 2 >= term.Length || term[c + 1] != '.' || term[c + 2] != '.') throw info.Error($"equation '{equation}' has a malformed '...'");
                ellipsis = true;
                ids.Add(Ellipsis);
                c += 2;
            }
            else if (ch is >= 'a' and <= 'z') ids.Add(ch - 'a');
            else if (ch is >= 'A' and <= 'Z') ids.Add(26 + ch - 'A');
            else throw info.Error($"equation '{equation}' has the invalid character '{ch}'");
        }
        return ids.ToArray();
    }

    public override void Execute(KernelContext context)
    {
        int inputs = _terms.Length;
        var y = context.Output(0);
        var type = context.Input(0).Type;
        bool integer = DataTypeInfo.IsSignedInteger(type) || DataTypeInfo.IsUnsignedInteger(type);
        if (!Numbers.IsNumeric(type) || type == DataType.Bool) throw context.Error($"element type {DataTypeInfo.Name(type)} is not supported");

        // Sizes of all labels; broadcast dimensions are labels Letters + k, aligned at the right.
        Span<long> size = stackalloc long[MaxLabels];
        size.Fill(-1);
        int ellipsisRank = 0;
        Span<bool> used = stackalloc bool[MaxLabels];
        used.Clear();
        Span<int> letterUses = stackalloc int[Letters];
        letterUses.Clear();
        for (int i = 0; i < inputs; i++)
        {
            var x = context.Input(i);
            if (x.Type != type) throw context.Error("all inputs must have the same type");
            int letters = 0;
            foreach (int id in _terms[i]) if (id != Ellipsis) letters++;
            int e = x.Rank - letters;
            bool hasEllipsis = Array.IndexOf(_terms[i], Ellipsis) >= 0;
            if (e < 0 || (!hasEllipsis && e != 0)) throw context.Error($"input {i} has rank {x.Rank}, which does not match its term");
            ellipsisRank = Math.Max(ellipsisRank, e);
        }
        if (ellipsisRank > Broadcast.MaxRank) throw context.Error($"'...' covers more than {Broadcast.MaxRank} dimensions");

        // Per input and label, the element stride (summed over repeated labels: a diagonal).
        Span<long> strides = stackalloc long[inputs * MaxLabels];
        strides.Clear();
        Span<long> dense = stackalloc long[Broadcast.MaxRank];
        for (int i = 0; i < inputs; i++)
        {
            var x = context.Input(i);
            if (x.Rank > Broadcast.MaxRank) throw context.Error($"input {i} has rank {x.Rank}, more than {Broadcast.MaxRank}");
            Broadcast.DenseStrides(x.Shape, dense[..x.Rank]);
            int e = x.Rank - (_terms[i].Length - (Array.IndexOf(_terms[i], Ellipsis) >= 0 ? 1 : 0));
            int axis = 0;
            foreach (int id in _terms[i])
            {
                if (id == Ellipsis)
                {
                    for (int k = 0; k < e; k++, axis++)
                    {
                        int label = Letters + ellipsisRank - e + k;
                        long d = x.Dim(axis);
                        if (size[label] < 0 || size[label] == 1) size[label] = d;
                        else if (d != 1 && d != size[label]) throw context.Error($"the '...' dimensions of input {i} do not broadcast");
                        if (d != 1) strides[i * MaxLabels + label] += dense[axis];
                        used[label] = true;
                    }
                    continue;
                }
                long dim = x.Dim(axis);
                if (size[id] >= 0 && size[id] != dim) throw context.Error($"label '{LabelChar(id)}' has sizes {size[id]} and {dim}");
                size[id] = dim;
                strides[i * MaxLabels + id] += dense[axis];
                used[id] = true;
                letterUses[id]++;
                axis++;
            }
        }

        // Output labels.
        Span<int> outLabels = stackalloc int[MaxLabels];
        int outCount = 0;
        Span<bool> isOut = stackalloc bool[MaxLabels];
        isOut.Clear();
        if (_output != null)
        {
            foreach (int id in _output)
            {
                if (id == Ellipsis)
                {
                    for (int k = 0; k < ellipsisRank; k++) outLabels[outCount++] = Letters + k;
                    continue;
                }
                if (!used[id]) throw context.Error($"output label '{LabelChar(id)}' is not in any input");
                if (isOut[id]) throw context.Error($"output label '{LabelChar(id)}' appears twice");
                outLabels[outCount++] = id;
                isOut[id] = true;
            }
            for (int k = 0; k < ellipsisRank; k++) isOut[Letters + k] = true;
            if (ellipsisRank > 0 && Array.IndexOf(_output, Ellipsis) < 0)
            {
                // Broadcast dimensions missing from an explicit output are summed over.
                for (int k = 0; k < ellipsisRank; k++) isOut[Letters + k] = false;
            }
        }
        else
        {
            for (int k = 0; k < ellipsisRank; k++)
            {
                outLabels[outCount++] = Letters + k;
                isOut[Letters + k] = true;
            }
            for (int id = 0; id < Letters; id++)
            {
                if (letterUses[id] != 1) continue;
                outLabels[outCount++] = id;
                isOut[id] = true;
            }
        }

        // Loop order: output labels (row-major over the output), then the summed labels.
        Span<int> loop = stackalloc int[MaxLabels];
        int loopCount = 0;
        for (int k = 0; k < outCount; k++) loop[loopCount++] = outLabels[k];
        for (int id = 0; id < MaxLabels; id++) if (used[id] && !isOut[id]) loop[loopCount++] = id;
        Span<long> loopShape = stackalloc long[loopCount];
        for (int k = 0; k < loopCount; k++) loopShape[k] = size[loop[k]];

        Span<long> shape = stackalloc long[outCount];
        for (int k = 0; k < outCount; k++) shape[k] = size[outLabels[k]];
        y.Allocate(type, shape);
        long outLength = y.Length;
        long sumLength = KernelHelpers.Product(loopShape, outCount, loopCount);
        var sum = integer ? default : Scratch.Ensure(ref _sum, outLength);
        var sumInt = integer ? Scratch.Ensure(ref _sumInt, outLength) : default;
        if (outLength == 0) return;

        Span<long> index = stackalloc long[loopCount];
        index.Clear();
        for (long o = 0; o < outLength; o++)
        {
            double acc = 0;
            long accInt = 0;
            for (long s = 0; s < sumLength; s++)
            {
                double product = 1;
                long productInt = 1;
                for (int i = 0; i < inputs; i++)
                {
                    long offset = 0;
                    for (int k = 0; k < loopCount; k++) offset += index[k] * strides[i * MaxLabels + loop[k]];
                    var x = context.Input(i);
                    if (integer) productInt *= ReadInteger(x, offset);
                    else product *= Numbers.Get(x, offset);
                }
                acc += product;
                accInt += productInt;
                IndexMaps.Next(index, loopShape);
            }
            if (integer) sumInt[(int)o] = accInt;
            else sum[(int)o] = acc;
            if (sumLength == 0) IndexMaps.Next(index[..outCount], loopShape[..outCount]);
        }
        for (long o = 0; o < outLength; o++)
        {
            if (integer) WriteInteger(y, o, sumInt[(int)o]);
            else Numbers.Set(y, o, sum[(int)o]);
        }
    }

    private static char LabelChar(int id) => id < 26 ? (char)('a' + id) : id < Letters ? (char)('A' + id - 26) : '.';

    private static long ReadInteger(Tensor t, long i) => t.Type switch
    {
        DataType.Int64 => t.ReadOnlySpan<long>()[(int)i],
        DataType.UInt64 => (long)t.ReadOnlySpan<ulong>()[(int)i],
        _ => (long)Numbers.Get(t, i),
    };

    private static void WriteInteger(Tensor t, long i, long v)
    {
        switch (t.Type)
        {
            case DataType.Int64: t.Span<long>()[(int)i] = v; break;
            case DataType.UInt64: t.Span<ulong>()[(int)i] = (ulong)v; break;
            case DataType.Int32: t.Span<int>()[(int)i] = (int)v; break;
            case DataType.UInt32: t.Span<uint>()[(int)i] = (uint)v; break;
            case DataType.Int16: t.Span<short>()[(int)i] = (short)v; break;
            case DataType.UInt16: t.Span<ushort>()[(int)i] = (ushort)v; break;
            case DataType.Int8: t.Span<sbyte>()[(int)i] = (sbyte)v; break;
            default: t.Span<byte>()[(int)i] = (byte)v; break;
        }
    }
}
