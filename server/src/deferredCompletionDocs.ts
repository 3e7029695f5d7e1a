import type { CompletionItem, CompletionList } from 'vscode-languageserver';

type Documentation = CompletionItem['documentation'];

/**
 * Completion documentation is sent on `completionItem/resolve`, for the one item the
 * user looks at: a list of a hundred daemon.json keys with their docs would otherwise be
 * serialised, sent and parsed on every keystroke (#8). Only the latest list's docs are
 * kept; an item of an older list resolves without docs.
 */
export class DeferredCompletionDocs {
  private latest: { id: number; docs: (Documentation | undefined)[] } = { id: 0, docs: [] };

  /** Takes the documentation off the items of `list` (those whose `data` is free) and keeps it for `resolve`. */
  defer(list: CompletionList): CompletionList {
    const id = this.latest.id + 1;
    const docs: (Documentation | undefined)[] = [];
    list.items.forEach((item, index) => {
      if (item.documentation === undefined || item.data !== undefined) return;
      docs[index] = item.documentation;
      item.documentation = undefined;
      item.data = { dnList: id, dnIndex: index };
    });
    this.latest = { id, docs };
    return list;
  }

  /** Puts back the documentation of an item of the latest list. */
  resolve(item: CompletionItem): CompletionItem {
    const data = item.data as { dnList?: unknown; dnIndex?: unknown } | undefined;
    if (data && data.dnList === this.latest.id && typeof data.dnIndex === 'number') item.documentation = this.latest.docs[data.dnIndex];
    return item;
  }
}
