// Not a module, on purpose. The modes and shared projects map `vscode`, `vscode-languageserver`
// and `vscode-languageclient` here (tsconfig.json `paths`), so importing one of them fails the
// build with TS2306 "File '…/forbiddenImport.d.ts' is not a module" (#14: modes are plain
// functions over documents; only server/src outside modes talks LSP).
