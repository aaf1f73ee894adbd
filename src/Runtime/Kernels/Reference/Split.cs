using EdgeML.Runtime.Kernels.Common;
using EdgeML.Runtime.Tensors;

namespace EdgeML.Runtime.Kernels.Reference;

/// <summary>Split: cuts the input along one axis into the outputs. The part sizes come from the
/// 'split' attribute (before opset 13) or input (13+); without them, from 'num_outputs' (18+: parts
/// of ceil(n / num_outputs), the last smaller) or equal parts, one per output.</summary>
public sealed class Split : Kernel
{
    private readonly long _axis;
    private readonly long[]? _splitAttribute;
    private readonly long _numOutputs;
    private readonly bool _splitFromInput;

    private Split(long axis, long[]? splitAttribute, long numOutputs, bool splitFromInput)
    {
        _axis = axis;
        _splitAttribute = splitAttribute;
        _numOutputs = numOutputs;
        _splitFromInput = splitFromInput;
    }

    public static Kernel Create(KernelInfo info)
    {
        var a = info.Attributes;
        long numOutputs = a.GetInt("num_outputs", 0);
        if (a.Has("num_outputs") && numOutputs != info.OutputCount) throw info.Error($"num_outputs is {numOutputs} but the node has {info.OutputCount} outputs");
        // Opset 1 took the split as an optional second input too.
        bool fromInput = info.Version >= 13 || info.Version == 1;
        return new Split(a.GetInt("axis", 0), info.Version < 13 ? a.GetIntsOrNull("split") : null, numOutputs, fromInput);
    }

    public override void Execute(KernelContext context)
    {
        var x = context.Input(0);
        int rank = x.Rank;
        int axis = KernelHelpers.NormalizeAxis(_axis, rank);
        long dim = x.Dim(axis);
        int parts = context.OutputCount;
        if (parts > 4096) throw context.Error($"{parts} outputs are too many");
        Span<long> sizes = stackalloc long[parts];
        Tensor? splitInput = _splitFromInput ? context.OptionalInput(1) : null;
        if (splitInput is { Length: 0 }) splitInput = null; // an empty 'split' means "not given"
        if (splitInput != null || _splitAttribute != null)
        {
            int n;
            if (splitInput != null)
            {
                if (splitInput.Length != parts) throw context.Error($"'split' has {splitInput.Length} values for {parts} outputs");
                n = KernelHelpers.ReadInt64s(splitInput, sizes);
            }
            else
            {
                if (_splitAttribute!.Length != parts) throw context.Error($"'split' has {_splitAttribute.Length} values for {parts} outputs");
                _splitAttribute.CopyTo(sizes);
                n = parts;
            }
            long sum = 0;
            for (int i = 0; i < n; i++)
            {
                if (sizes[i] < 0) throw context.Error("'split' has a negative size");
                sum += sizes[i];
            }
            if (sum != dim) throw context.Error($"'split' sums to {sum}, but axis {axis} has size {dim}");
        }
        else if (_numOutputs > 0)
        {
            long chunk = (dim + parts - 1) / parts;
            long left = dim;
            for (int i = 0; i < parts; i++)
            {
                sizes[i] = Math.Min(chunk, left);
                left -= sizes[i];
            }
        }
        else
        {
            if (dim % parts != 0) throw context.Error($"axis {axis} of size {dim} cannot be split into {parts} equal parts");
            sizes.Fill(dim / parts);
        }
        long outer = KernelHelpers.Product(x.Shape, 0, axis);
        long inner = KernelHelpers.Product(x.Shape, axis + 1, rank);
        Span<long> shape = stackalloc long[rank];
        x.Shape.CopyTo(shape);
        long offset = 0;
        for (int i = 0; i < parts; i++)
        {
            long row = sizes[i] * inner;
            var y = context.OptionalOutput(i);
            if (y != null)
            {
                shape[axis] = sizes[i];
                y.Allocate(x.Type, shape);
                for (long o = 0; o < outer; o++) ElementCopy.Copy(x, o * dim * inner + offset, y, o * row, row);
            }
            offset += row;
        }
    }
}
