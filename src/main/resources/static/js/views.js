// Behaviour of the views screens. No inline script: CSP allows only files from this origin.
