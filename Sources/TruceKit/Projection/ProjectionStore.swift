import Synchronization

/// The shared contents of a projection: folded when made, or when first read (a replay's states
/// are folded only if someone looks at them).
///
/// Copies of a ``Projection`` share one store; a store never changes what it holds, only fills in
/// what it has not computed yet, under its lock, so sharing it between threads is safe.
final class ProjectionStore: Sendable {
  private let state: Mutex<State>

  private struct State {
    /// The contents, once folded (boxed, so that a store waiting to fold stays small).
    var folded: Box?
    /// What to fold before the contents can be read; `nil` once folded.
    var pending: FoldInput?
  }

  private final class Box {
    var parts: ProjectionParts

    init(_ parts: ProjectionParts) {
      self.parts = parts
    }
  }

  /// A store holding a finished fold.
  init(_ parts: ProjectionParts) {
    state = Mutex(State(folded: Box(parts), pending: nil))
  }

  /// A store that folds its input when first read.
  init(deferred input: FoldInput) {
    state = Mutex(State(folded: nil, pending: input))
  }

  /// Reads the contents, folding them first if that has not happened yet.
  func read<Value: Sendable>(_ body: (inout ProjectionParts) -> Value) -> Value {
    state.withLock { state in
      let box: Box
      if let folded = state.folded {
        box = folded
      } else {
        let input =
          state.pending ?? FoldInput(events: [], count: 0, knowledge: .everything, hypothetical: [])
        box = Box(ProjectionFold.parts(of: input))
        state.folded = box
        state.pending = nil
      }
      return body(&box.parts)
    }
  }

  /// A new store with the contents changed (the setters of ``Projection``).
  func changed(_ change: (inout ProjectionParts) -> Void) -> ProjectionStore {
    var parts = read { $0 }
    change(&parts)
    return ProjectionStore(parts)
  }
}
