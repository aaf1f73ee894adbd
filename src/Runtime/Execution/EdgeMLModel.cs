using System.IO.MemoryMappedFiles;
using System.Runtime.InteropServices;
using EdgeML.Runtime.Format;
using EdgeML.Runtime.Model;

namespace EdgeML.Runtime.Execution;

/// <summary>
/// A loaded .edgeml model: the file memory-mapped read-only (or a pinned copy of its bytes) and the
/// definition read from it. Weights are used in place from the map, so loading costs no copy of
/// them. Keep it alive while sessions use it.
/// </summary>
public sealed unsafe class EdgeMLModel : IDisposable
{
    private readonly MemoryMappedFile? _file;
    private readonly MemoryMappedViewAccessor? _view;
    private readonly byte[]? _pinned;
    private bool _acquired;

    private EdgeMLModel(ModelDefinition definition, MemoryMappedFile? file, MemoryMappedViewAccessor? view, byte[]? pinned, long length, string source)
    {
        Definition = definition;
        _file = file;
        _view = view;
        _pinned = pinned;
        FileLength = length;
        Source = source;
    }

    public ModelDefinition Definition { get; }
    public long FileLength { get; }
    public string Source { get; }

    /// <summary>Maps <paramref name="path"/> and validates it.</summary>
    public static EdgeMLModel Load(string path, bool verifyChecksums = true)
    {
        if (!File.Exists(path)) throw new EdgeMLException($"model file not found: {path}");
        long length = new FileInfo(path).Length;
        if (length == 0) throw new EdgeMLException($"{path}: not a .edgeml file: the file is empty");
        MemoryMappedFile? file = null;
        MemoryMappedViewAccessor? view = null;
        bool acquired = false;
        try
        {
            file = MemoryMappedFile.CreateFromFile(path, FileMode.Open, null, 0, MemoryMappedFileAccess.Read);
            view = file.CreateViewAccessor(0, 0, MemoryMappedFileAccess.Read);
            byte* p = null;
            view.SafeMemoryMappedViewHandle.AcquirePointer(ref p);
            acquired = true;
            p += view.PointerOffset;
            var definition = ModelReader.Read(p, length, verifyChecksums);
            return new EdgeMLModel(definition, file, view, null, length, path) { _acquired = true };
        }
        catch (EdgeMLException e)
        {
            Release(view, acquired);
            file?.Dispose();
            throw new EdgeMLException($"{path}: {e.Message}", e);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            Release(view, acquired);
            file?.Dispose();
            throw new EdgeMLException($"{path}: cannot read: {e.Message}", e);
        }
    }

    /// <summary>Loads a model from bytes (copied into a pinned buffer).</summary>
    public static EdgeMLModel FromBytes(ReadOnlySpan<byte> bytes, string source = "<memory>", bool verifyChecksums = true)
    {
        var pinned = GC.AllocateUninitializedArray<byte>(Math.Max(bytes.Length, 1), pinned: true);
        bytes.CopyTo(pinned);
        fixed (byte* p = pinned)
        {
            try
            {
                return new EdgeMLModel(ModelReader.Read(p, bytes.Length, verifyChecksums), null, null, pinned, bytes.Length, source);
            }
            catch (EdgeMLException e) when (source != "<memory>")
            {
                throw new EdgeMLException($"{source}: {e.Message}", e);
            }
        }
    }

    /// <summary>Wraps a definition built in memory (the compiler's path to run an ONNX model directly).</summary>
    public static EdgeMLModel FromDefinition(ModelDefinition definition, string source)
    {
        GraphValidator.Validate(definition);
        return new EdgeMLModel(definition, null, null, null, 0, source);
    }

    private static void Release(MemoryMappedViewAccessor? view, bool acquired)
    {
        if (view != null && acquired) view.SafeMemoryMappedViewHandle.ReleasePointer();
        view?.Dispose();
    }

    public void Dispose()
    {
        Release(_view, _acquired);
        _acquired = false;
        _file?.Dispose();
        GC.KeepAlive(_pinned);
    }
}
