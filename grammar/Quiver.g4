// Quiver's query language: a subset of openCypher.
//
// The keyword lexer rules are not written here: the build inserts one
// case-insensitive rule per line of keywords.txt at @KEYWORD_RULES@
// (gen_grammar.cmake). Alternatives marked "friendly" exist only so that a
// common mistake gets a helpful message from the AST builder.
grammar Quiver;

script : statement ';'? EOF ;

statement : ( EXPLAIN | PROFILE )? query ;

query : singleQuery unionPart* ;

unionPart : UNION ALL? singleQuery ;

singleQuery : clause+ ;

clause
  : matchClause
  | unwindClause
  | withClause
  | returnClause
  | createClause
  | mergeClause
  | setClause
  | removeClause
  | deleteClause
  | callClause
  ;

// ---- reading clauses --------------------------------------------------------

matchClause : OPTIONAL? MATCH pattern whereClause? ;

unwindClause : UNWIND expression AS variable ;

whereClause : WHERE expression ;

callClause : CALL procedureName ( '(' ( expression ( ',' expression )* )? ')' )? yieldClause? ;

yieldClause : YIELD ( '*' | yieldItem ( ',' yieldItem )* ) whereClause? ;

yieldItem : ( symbolicName AS )? variable ;

// After a dot any word goes, keywords too: kg.merge, as Neo4j's apoc.merge.node.
procedureName : symbolicName ( '.' schemaName )* ;

// ---- projections ------------------------------------------------------------

withClause : WITH projectionBody whereClause? ;

returnClause : RETURN projectionBody ;

projectionBody : DISTINCT? projectionItems orderClause? skipClause? limitClause? ;

projectionItems
  : '*' ( ',' projectionItem )*
  | projectionItem ( ',' projectionItem )*
  ;

projectionItem : expression ( AS variable )? ;

orderClause : ORDER BY sortItem ( ',' sortItem )* ;

sortItem : expression ( ASCENDING | ASC | DESCENDING | DESC )? ;

skipClause : SKIP_ expression ;

limitClause : LIMIT expression ;

// ---- updating clauses -------------------------------------------------------

createClause : CREATE pattern ;

mergeClause : MERGE patternPart mergeAction* ;

mergeAction : ON ( MATCH | CREATE ) setClause ;

setClause : SET setItem ( ',' setItem )* ;

setItem
  : propertyExpression '=' expression
  | variable '=' expression
  | variable '+=' expression
  | variable nodeLabels
  ;

removeClause : REMOVE removeItem ( ',' removeItem )* ;

removeItem
  : variable nodeLabels
  | propertyExpression
  ;

deleteClause : DETACH? DELETE expression ( ',' expression )* ;

propertyExpression : atom propertyLookup+ ;

// ---- patterns ---------------------------------------------------------------

pattern : patternPart ( ',' patternPart )* ;

patternPart : ( variable '=' )? anonymousPatternPart ;

anonymousPatternPart
  : shortestPathPattern
  | patternElement
  ;

shortestPathPattern : ( SHORTESTPATH | ALLSHORTESTPATHS ) '(' patternElement ')' ;

patternElement
  : nodePattern patternElementChain*
  | '(' patternElement ')'
  ;

nodePattern : '(' variable? nodeLabels? properties? ')' ;

patternElementChain : relationshipPattern nodePattern ;

relationshipPattern
  : '<' '-' relationshipDetail? '-' '>'
  | '<' '-' relationshipDetail? '-'
  | '-' relationshipDetail? '-' '>'
  | '-' relationshipDetail? '-'
  | '<-->'
  | '<--'
  | '-->'
  | '--'
  ;

relationshipDetail : '[' variable? relationshipTypes? rangeLiteral? properties? ']' ;

properties : mapLiteral | parameter ;

relationshipTypes : ':' schemaName ( '|' ':'? schemaName )* ;

nodeLabels : nodeLabel+ ;

nodeLabel : ':' schemaName ;

rangeLiteral : '*' integerLiteral? ( '..' integerLiteral? )? ;

// ---- expressions, loosest binding first -------------------------------------

expression : orExpression ;

orExpression : xorExpression ( OR xorExpression )* ;

xorExpression : andExpression ( XOR andExpression )* ;

andExpression : notExpression ( AND notExpression )* ;

notExpression : NOT* comparisonExpression ;

comparisonExpression : predicateExpression ( comparisonOperator predicateExpression )* ;

comparisonOperator
  : '=' | '<>' | '<' | '>' | '<=' | '>='
  | '!='  // friendly: "use <> for not-equal"
  | '=='  // friendly: "use = for equality"
  ;

predicateExpression : addSubExpression predicateSuffix* ;

predicateSuffix
  : STARTS WITH addSubExpression                  # startsWith
  | ENDS WITH addSubExpression                    # endsWith
  | CONTAINS addSubExpression                     # contains
  | '=~' addSubExpression                         # regexMatch
  | IN addSubExpression                           # inList
  | IS NULL_                                       # isNull
  | IS NOT NULL_                                   # isNotNull
  ;

addSubExpression : multDivExpression ( addSubOperator multDivExpression )* ;

addSubOperator : '+' | '-' ;

multDivExpression : powerExpression ( multDivOperator powerExpression )* ;

multDivOperator : '*' | '/' | '%' ;

powerExpression : unaryExpression ( '^' unaryExpression )* ;

unaryExpression : ( '+' | '-' )* postfixExpression ;

postfixExpression : atom postfixSuffix* nodeLabels? ;

postfixSuffix
  : propertyLookup                                          # propertySuffix
  | '[' expression ']'                                      # indexSuffix
  | '[' from=expression? '..' to=expression? ']'            # sliceSuffix
  ;

propertyLookup : '.' schemaName ;

atom
  // Comprehensions first: [x IN list] is a comprehension, not a list
  // holding the boolean x IN list.
  : listComprehension                                       # listComprehensionAtom
  | patternComprehension                                    # patternComprehensionAtom
  | literal                                                 # literalAtom
  | parameter                                               # parameterAtom
  | caseExpression                                          # caseAtom
  | COUNT_STAR                                              # countStarAtom
  | quantifier '(' filterExpression ')'                     # quantifierAtom
  | relationshipsPattern                                    # patternAtom
  | '(' expression ')'                                      # parenthesizedAtom
  | EXISTS '{' subqueryBody '}'                             # existsSubqueryAtom
  | COUNT '{' subqueryBody '}'                              # countSubqueryAtom
  | EXISTS '(' expression ')'                               # existsAtom
  | functionInvocation                                      # functionAtom
  | variable                                                # variableAtom
  ;

quantifier : ALL | ANY | NONE | SINGLE ;

// The inside of EXISTS { … } / COUNT { … }: a query, or the short form of
// one pattern with an optional WHERE. The binder says which clauses a
// subquery may hold, so that a CREATE inside gets a message, not a syntax
// error.
subqueryBody
  : singleQuery
  | pattern whereClause?
  ;

filterExpression : variable IN expression ( WHERE expression )? ;

listComprehension : '[' filterExpression ( '|' expression )? ']' ;

patternComprehension : '[' ( variable '=' )? relationshipsPattern ( WHERE expression )? '|' expression ']' ;

relationshipsPattern : nodePattern patternElementChain+ ;

functionInvocation : functionName '(' DISTINCT? ( expression ( ',' expression )* )? ')' ;

functionName : symbolicName ( '.' symbolicName )* ;

caseExpression
  : CASE expression? caseAlternative+ ( ELSE expression )? END
  ;

caseAlternative : WHEN expression THEN expression ;

// ---- literals ---------------------------------------------------------------

literal
  : numberLiteral
  | StringLiteral
  | TRUE
  | FALSE
  | NULL_
  | listLiteral
  | mapLiteral
  ;

numberLiteral : doubleLiteral | integerLiteral ;

doubleLiteral : DoubleLiteral ;

integerLiteral : HexInteger | OctalInteger | DecimalInteger ;

listLiteral : '[' ( expression ( ',' expression )* )? ']' ;

mapLiteral : '{' ( mapEntry ( ',' mapEntry )* )? '}' ;

mapEntry : schemaName ':' expression ;

parameter : '$' ( symbolicName | DecimalInteger ) ;

variable : symbolicName ;

schemaName : symbolicName | reservedWord ;

symbolicName : Identifier | EscapedIdentifier | COUNT | ANY | NONE | SINGLE | ALL | EXISTS ;

// @RESERVED_WORD_RULE@

// ---- lexer ------------------------------------------------------------------

// count(*) is one token so that '*' never has to be told apart from a
// multiplication inside a function call.
COUNT_STAR : C O U N T [ \t\r\n]* '(' [ \t\r\n]* '*' [ \t\r\n]* ')' ;
COUNT : C O U N T ;

// @KEYWORD_RULES@

HexInteger : '0' [xX] [0-9a-fA-F]+ ;
OctalInteger : '0' [oO] [0-7]+ ;
DecimalInteger : '0' | [1-9] [0-9]* ;
DoubleLiteral
  : [0-9]+ '.' [0-9]+ ( [eE] [+-]? [0-9]+ )?
  | '.' [0-9]+ ( [eE] [+-]? [0-9]+ )?
  | [0-9]+ [eE] [+-]? [0-9]+
  ;

StringLiteral
  : '"' ( ~[\\"] | '\\' . )* '"'
  | '\'' ( ~[\\'] | '\\' . )* '\''
  ;

Identifier : [\p{L}_] [\p{L}\p{N}_]* ;
EscapedIdentifier : '`' ( ~'`' | '``' )* '`' ;

WS : [ \t\r\n\u000B\u000C]+ -> channel(HIDDEN) ;
LineComment : '//' ~[\r\n]* -> channel(HIDDEN) ;
BlockComment : '/*' .*? '*/' -> channel(HIDDEN) ;

// Anything else is one token, so the parser reports it with its position.
Unknown : . ;
