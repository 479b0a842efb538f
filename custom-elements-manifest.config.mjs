// The custom elements analyzer's configuration (`cem analyze` reads it from the working directory; scripts/build.mjs
// passes the same globs and plugins to each widget package's own manifest). Its globs are added to those given on
// the command line.
//
// Two things the analyzer's Lit support gets wrong for us, found by reading the manifest a consumer's editor and
// Storybook's autodocs read:
// - `static properties = { x: { state: true } }` became attributes (`suggestions`, `listOpen`, ...): internal state
//   is no attribute, and no part of the element's API either.
// - The attributes and tokens of the base class (`api`, `site-key`, `theme`, `lang`, every `--pustaka-*` token) were
//   missing: the base class lives in @pustaka/core and is imported by package name, so it is analyzed here too
//   (the analyzer's inheritance links classes by name).

/** The base class every widget extends; its JSDoc carries the inherited `lang` attribute and the global tokens. */
export const baseElementGlob = 'packages/core/src/pustaka-element.ts';

/**
 * Drops the properties a Lit element declares with `state: true` in `static properties` from its attributes and
 * members. The `@state()` decorator is already left out by the analyzer; the static form is not.
 */
export function internalStatePlugin() {
  /** class name -> names of its state properties */
  const stateByClass = new Map();
  return {
    name: 'pustaka-internal-state',
    analyzePhase({ ts, node }) {
      if (!ts.isClassDeclaration(node) || !node.name) return;
      for (const member of node.members) {
        const isStatic = member.modifiers?.some((modifier) => modifier.kind === ts.SyntaxKind.StaticKeyword);
        if (!isStatic || !ts.isPropertyDeclaration(member) || member.name?.getText() !== 'properties') continue;
        const declarations = member.initializer;
        if (!declarations || !ts.isObjectLiteralExpression(declarations)) continue;
        const state = declarations.properties
          .filter(
            (property) =>
              ts.isPropertyAssignment(property) &&
              ts.isObjectLiteralExpression(property.initializer) &&
              property.initializer.properties.some(
                (option) =>
                  ts.isPropertyAssignment(option) &&
                  option.name.getText() === 'state' &&
                  option.initializer.kind === ts.SyntaxKind.TrueKeyword,
              ),
          )
          .map((property) => property.name.getText());
        stateByClass.set(node.name.getText(), new Set(state));
      }
    },
    moduleLinkPhase({ moduleDoc }) {
      for (const declaration of moduleDoc.declarations ?? []) {
        const state = stateByClass.get(declaration.name);
        if (!state) continue;
        declaration.attributes = declaration.attributes?.filter((attribute) => !state.has(attribute.fieldName));
        declaration.members = declaration.members?.filter((member) => !state.has(member.name));
      }
    },
  };
}

export default {
  globs: [baseElementGlob],
  litelement: true,
  plugins: [internalStatePlugin()],
};
