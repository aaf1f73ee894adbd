namespace EdgeML.Runtime.Kernels.Common;

/// <summary>
/// A tensor seen as [outer, length, stride]: the lanes along one axis. Each lane holds
/// <see cref="Length"/> elements, <see cref="Stride"/> apart, and starts at one of the offsets that
/// <c>foreach</c> yields. Used by the operators that normalise along an axis (Softmax, LogSoftmax,
/// Hardmax, LpNormalization) and the softmax cross-entropy loss.
/// </summary>
public readonly struct AxisLanes
{
    /// <summary>How many blocks precede the axis (the product of the leading dimensions).</summary>
    public int Outer { get; }

    /// <summary>Elements per lane.</summary>
    public int Length { get; }

    /// <summary>Distance between neighbouring elements of a lane (the product of the trailing dimensions).</summary>
    public int Stride { get; }

    public AxisLanes(int outer, int length, int stride)
    {
        Outer = outer;
        Length = length;
        Stride = stride;
    }

    /// <summary>
    /// The lanes along <paramref name="axis"/> (negative counts from the end). With
    /// <paramref name="flattenTo2D"/> (Softmax, LogSoftmax and Hardmax before opset 13) the input is
    /// first flattened to 2-D at the axis, so each lane is a whole contiguous row.
    /// </summary>
    public static AxisLanes Of(ReadOnlySpan<long> shape, long axis, bool flattenTo2D)
    {
        int rank = shape.Length;
        if (rank == 0) return new AxisLanes(1, 1, 1);
        long a = axis < 0 ? axis + rank : axis;
        if (a < 0 || a >= rank) throw new EdgeMLException($"axis {axis} is out of range for rank {rank}");
        int ax = (int)a;
        int outer = (int)KernelHelpers.Product(shape, 0, ax);
        return flattenTo2D
            ? new AxisLanes(outer, (int)KernelHelpers.Product(shape, ax, rank), 1)
            : new AxisLanes(outer, (int)shape[ax], (int)KernelHelpers.Product(shape, ax + 1, rank));
    }

    /// <summary>The offset of the first element of every lane, block by block.</summary>
    public Enumerator GetEnumerator() => new(this);

    /// <summary>A struct enumerator, so that <c>foreach</c> over the lanes does not allocate.</summary>
    public struct Enumerator
    {
        private readonly int _blockSize, _stride, _end;
        private int _block, _inner;

        internal Enumerator(AxisLanes lanes)
        {
            _blockSize = lanes.Length * lanes.Stride;
            _stride = lanes.Stride;
            _end = lanes.Outer * _blockSize;
            _block = 0;
            _inner = -1;
        }

        public readonly int Current => _block + _inner;

        public bool MoveNext()
        {
            if (++_inner < _stride) return _block < _end;
            _inner = 0;
            _block += _blockSize;
            return _block < _end;
        }
    }
}
