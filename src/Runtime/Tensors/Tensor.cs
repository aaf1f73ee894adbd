using System.Runtime.CompilerServices;

namespace EdgeML.Runtime.Tensors;

/// <summary>
/// A graph value at run time. Its storage is, in order of preference: the slot the compiler's memory
/// plan gave it in the session arena, a constant in the model image (weights are used in place), or
/// a buffer of its own that grows once and is then reused. Nothing here allocates managed memory
/// after the first run with a given shape, which keeps inference allocation-free.
/// </summary>
public sealed unsafe class Tensor : IDisposable
{
    private long[] _dims = new long[6];
    private int _rank;
    private byte* _data;
    private long _byteLength;
    private byte* _planned;
    private long _plannedCapacity;
    private NativeBuffer? _own;
    private string[] _strings = [];
    private List<Tensor>? _items;
    private List<Tensor>? _itemPool;

    public Tensor(string name = "") => Name = name;

    /// <summary>The graph value's name, for error messages.</summary>
    public string Name { get; }
    public ValueKind Kind { get; private set; }
    public DataType Type { get; private set; }
    public bool IsConstant { get; private set; }
    public int Rank => _rank;
    public ReadOnlySpan<long> Shape => new(_dims, 0, _rank);
    public long Length { get; private set; }
    public long ByteLength => _byteLength;
    public byte* Pointer => _data;
    internal bool UsesPlannedSlot => _data != null && _data == _planned;

    public long Dim(int axis) => _dims[axis];

    /// <summary>The elements as a span of <typeparamref name="T"/>; the caller picks T to match <see cref="Type"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public Span<T> Span<T>() where T : unmanaged => new(_data, checked((int)(_byteLength / sizeof(T))));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public ReadOnlySpan<T> ReadOnlySpan<T>() where T : unmanaged => new(_data, checked((int)(_byteLength / sizeof(T))));

    public Span<byte> Bytes => new(_data, checked((int)_byteLength));

    /// <summary>String elements (only for <see cref="DataType.String"/> tensors).</summary>
    public Span<string> Strings => _strings.AsSpan(0, Type == DataType.String ? (int)Length : 0);

    /// <summary>The tensors of a sequence value (or the keys and values of a map: two items).</summary>
    public List<Tensor> Items => _items ??= new List<Tensor>();

    /// <summary>Gives this value a slot of the session arena (from the memory plan).</summary>
    internal void SetPlannedSlot(byte* slot, long capacity)
    {
        _planned = slot;
        _plannedCapacity = capacity;
    }

    /// <summary>Shapes this value as a tensor of <paramref name="type"/> and gives it storage; the
    /// contents are undefined. Allocates only when the shape outgrows every buffer it had before.</summary>
    public void Allocate(DataType type, ReadOnlySpan<long> shape)
    {
        if (IsConstant) throw new InvalidOperationException($"tensor '{Name}' is a constant");
        if (MaxBytes > 0) CheckBudget(type, shape);
        long count = SetShape(shape);
        Kind = ValueKind.Tensor;
        Type = type;
        Length = count;
        if (type == DataType.String)
        {
            if (_strings.Length < count) _strings = new string[count];
            _strings.AsSpan(0, (int)count).Fill(string.Empty);
            _byteLength = 0;
            _data = null;
            return;
        }
        long bytes = DataTypeInfo.ByteSize(type, count);
        _byteLength = bytes;
        if (bytes <= _plannedCapacity && _planned != null) _data = _planned;
        else _data = (_own ??= new NativeBuffer()).Ensure(Math.Max(bytes, 1));
    }

    /// <summary>The most bytes this value may take (0: no limit); set by the session from SessionOptions.MaxTensorBytes.</summary>
    internal long MaxBytes { get; set; }

    private void CheckBudget(DataType type, ReadOnlySpan<long> shape)
    {
        // Count in double: a hostile shape must not overflow its way under the limit.
        double count = 1;
        foreach (var d in shape) count *= Math.Max(d, 0);
        double bytes = type == DataType.String ? count * IntPtr.Size : count * Math.Max(DataTypeInfo.ByteSize(type, 1), 1);
        if (bytes > MaxBytes)
            throw new EdgeMLException($"value '{Name}' would need {bytes:N0} bytes for shape {ShapeText(shape)}, more than the session allows ({MaxBytes:N0}, SessionOptions.MaxTensorBytes)");
    }

    /// <summary>Allocates like <paramref name="other"/> (type and shape).</summary>
    public void AllocateLike(Tensor other) => Allocate(other.Type, other.Shape);

    /// <summary>Points this value at constant data that lives elsewhere (model weights).</summary>
    internal void BindConstant(DataType type, ReadOnlySpan<long> shape, byte* data, long byteLength, string[]? strings)
    {
        long count = SetShape(shape);
        Kind = ValueKind.Tensor;
        Type = type;
        Length = count;
        _data = data;
        _byteLength = byteLength;
        if (strings != null) _strings = strings;
        IsConstant = true;
    }

    /// <summary>Makes this value an empty sequence whose element type is <paramref name="elementType"/>.</summary>
    public void SetSequence(DataType elementType)
    {
        ReturnItems();
        Kind = ValueKind.Sequence;
        Type = elementType;
        _rank = 0;
        Length = 0;
        _byteLength = 0;
    }

    /// <summary>Makes this value a map from <paramref name="keyType"/> to <paramref name="valueType"/>;
    /// its keys and values are the two tensors returned.</summary>
    public (Tensor Keys, Tensor Values) SetMap(DataType keyType, DataType valueType)
    {
        ReturnItems();
        Kind = ValueKind.Map;
        Type = valueType;
        var keys = RentItem();
        var values = RentItem();
        Items.Add(keys);
        Items.Add(values);
        _ = keyType;
        return (keys, values);
    }

    /// <summary>Makes this value an empty optional.</summary>
    public void SetNone()
    {
        ReturnItems();
        Kind = ValueKind.None;
        _rank = 0;
        Length = 0;
        _byteLength = 0;
    }

    /// <summary>Appends a new tensor to this sequence and returns it for the caller to allocate.</summary>
    public Tensor AddItem()
    {
        var t = RentItem();
        Items.Add(t);
        return t;
    }

    /// <summary>Copies type, shape and contents (deeply, for sequences and maps) from <paramref name="source"/>.</summary>
    public void CopyFrom(Tensor source)
    {
        if (ReferenceEquals(source, this)) return;
        switch (source.Kind)
        {
            case ValueKind.Tensor:
                Allocate(source.Type, source.Shape);
                if (source.Type == DataType.String) source.Strings.CopyTo(Strings);
                else Buffer.MemoryCopy(source._data, _data, _byteLength, source._byteLength);
                break;
            case ValueKind.Sequence:
                SetSequence(source.Type);
                foreach (var item in source.Items) AddItem().CopyFrom(item);
                break;
            case ValueKind.Map:
                SetMap(source.Items[0].Type, source.Type);
                Items[0].CopyFrom(source.Items[0]);
                Items[1].CopyFrom(source.Items[1]);
                break;
            default:
                SetNone();
                break;
        }
    }

    private Tensor RentItem()
    {
        if (_itemPool is { Count: > 0 })
        {
            var t = _itemPool[^1];
            _itemPool.RemoveAt(_itemPool.Count - 1);
            return t;
        }
        return new Tensor(Name);
    }

    private void ReturnItems()
    {
        if (_items == null || _items.Count == 0) return;
        _itemPool ??= new List<Tensor>();
        _itemPool.AddRange(_items);
        _items.Clear();
    }

    private long SetShape(ReadOnlySpan<long> shape)
    {
        if (shape.Length > _dims.Length) _dims = new long[Math.Max(shape.Length, _dims.Length * 2)];
        long count = 1;
        for (int i = 0; i < shape.Length; i++)
        {
            long d = shape[i];
            if (d < 0) throw new EdgeMLException($"tensor '{Name}': negative dimension {d} in shape {ShapeText(shape)}");
            _dims[i] = d;
            count = checked(count * d);
        }
        if (count > int.MaxValue) throw new EdgeMLException($"tensor '{Name}': shape {ShapeText(shape)} has more than 2^31 elements");
        _rank = shape.Length;
        return count;
    }

    public static string ShapeText(ReadOnlySpan<long> shape)
    {
        var sb = new System.Text.StringBuilder("[");
        for (int i = 0; i < shape.Length; i++)
        {
            if (i > 0) sb.Append(',');
            sb.Append(shape[i]);
        }
        return sb.Append(']').ToString();
    }

    public override string ToString() => $"{Name}: {DataTypeInfo.Name(Type)}{ShapeText(Shape)}";

    public void Dispose()
    {
        _own?.Dispose();
        _own = null;
        if (_items != null) foreach (var t in _items) t.Dispose();
        if (_itemPool != null) foreach (var t in _itemPool) t.Dispose();
    }
}
