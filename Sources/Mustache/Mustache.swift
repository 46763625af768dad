// The Mustache template engine; see Template.swift.
