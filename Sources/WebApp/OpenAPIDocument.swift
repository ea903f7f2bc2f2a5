/// The OpenAPI 3.0 description of `/api/v1`, served at `/api/v1/openapi.json`. Written by hand (no build plugin);
/// `ApiTests` checks that every route listed here answers and that every API route is listed.
enum OpenAPIDocument {
    static let json = #"""
    {
     "openapi": "3.0.3",
     "info": {
      "title": "Wijkradar API",
      "version": "1.0.0",
      "description": "Wijkanalyse en vroegsignalering voor Nederlandse gemeenten, wijken en buurten uit open data. Elk cijfer heeft een status (value, secret, missing, not_applicable, computed) en een bron. CBS-gegevens: CC BY 4.0, vermeld 'Bron: CBS'."
     },
     "paths": {
      "/health": {
       "get": {
        "summary": "Status van de installatie",
        "responses": {
         "200": {
          "description": "ok",
          "content": {
           "application/json": {
            "schema": {
             "$ref": "#/components/schemas/Health"
            }
           }
          }
         },
         "400": {
          "$ref": "#/components/responses/Error"
         }
        }
       }
      },
      "/api/v1/datasets": {
       "get": {
        "summary": "Ingelezen datasets met bron en licentie",
        "responses": {
         "200": {
          "description": "datasets",
          "content": {
           "application/json": {
            "schema": {
             "type": "array",
             "items": {
              "$ref": "#/components/schemas/Dataset"
             }
            }
           }
          }
         },
         "400": {
          "$ref": "#/components/responses/Error"
         }
        }
       }
      },
      "/api/v1/regions": {
       "get": {
        "summary": "Zoek regio's op naam of code (hoofdletter- en accentongevoelig)",
        "parameters": [
         {
          "name": "q",
          "in": "query",
          "required": true,
          "schema": {
           "type": "string",
           "minLength": 1,
           "pattern": "^[^\\u0000-\\u001f\\u007f-\\u009f]*[^\\s\\u0000-\\u001f\\u007f-\\u009f][^\\u0000-\\u001f\\u007f-\\u009f]*$"
          }
         }
        ],
        "responses": {
         "200": {
          "description": "gevonden regio's",
          "content": {
           "application/json": {
            "schema": {
             "type": "array",
             "items": {
              "$ref": "#/components/schemas/RegionSummary"
             }
            }
           }
          }
         },
         "400": {
          "$ref": "#/components/responses/Error"
         }
        }
       }
      },
      "/api/v1/regions/{code}": {
       "get": {
        "summary": "Alle opgeslagen cijfers van een regio",
        "parameters": [
         {
          "$ref": "#/components/parameters/Code"
         }
        ],
        "responses": {
         "200": {
          "description": "cijfers",
          "content": {
           "application/json": {
            "schema": {
             "$ref": "#/components/schemas/Region"
            }
           }
          }
         },
         "400": {
          "$ref": "#/components/responses/Error"
         },
         "404": {
          "$ref": "#/components/responses/Error"
         }
        }
       }
      },
      "/api/v1/regions/{code}/profile": {
       "get": {
        "summary": "Kerncijfers met gemeente, Nederland, percentiel en z-score",
        "parameters": [
         {
          "$ref": "#/components/parameters/Code"
         }
        ],
        "responses": {
         "200": {
          "description": "profiel",
          "content": {
           "application/json": {
            "schema": {
             "$ref": "#/components/schemas/Profile"
            }
           }
          }
         },
         "400": {
          "$ref": "#/components/responses/Error"
         },
         "404": {
          "$ref": "#/components/responses/Error"
         }
        }
       }
      },
      "/api/v1/regions/{code}/similar": {
       "get": {
        "summary": "Meest gelijkende wijken van Nederland",
        "parameters": [
         {
          "$ref": "#/components/parameters/Code"
         },
         {
          "name": "k",
          "in": "query",
          "schema": {
           "type": "integer",
           "minimum": 1,
           "maximum": 50,
           "default": 10
          }
         }
        ],
        "responses": {
         "200": {
          "description": "buren",
          "content": {
           "application/json": {
            "schema": {
             "type": "array",
             "items": {
              "$ref": "#/components/schemas/Neighbour"
             }
            }
           }
          }
         },
         "400": {
          "$ref": "#/components/responses/Error"
         },
         "404": {
          "$ref": "#/components/responses/Error"
         }
        }
       }
      },
      "/api/v1/regions/{code}/signals": {
       "get": {
        "summary": "Vroegsignalering: regels, score en cluster",
        "parameters": [
         {
          "$ref": "#/components/parameters/Code"
         }
        ],
        "responses": {
         "200": {
          "description": "signalen",
          "content": {
           "application/json": {
            "schema": {
             "$ref": "#/components/schemas/Signals"
            }
           }
          }
         },
         "400": {
          "$ref": "#/components/responses/Error"
         },
         "404": {
          "$ref": "#/components/responses/Error"
         }
        }
       }
      },
      "/api/v1/radar": {
       "get": {
        "summary": "Alle wijken gerangschikt naar vroegsignaleringsscore",
        "parameters": [
         {
          "name": "gemeente",
          "in": "query",
          "schema": {
           "$ref": "#/components/schemas/Text"
          }
         },
         {
          "name": "provincie",
          "in": "query",
          "schema": {
           "$ref": "#/components/schemas/Text"
          }
         },
         {
          "name": "min_inwoners",
          "in": "query",
          "schema": {
           "type": "integer",
           "minimum": 0
          }
         },
         {
          "name": "signaal",
          "in": "query",
          "schema": {
           "type": "string",
           "enum": [
            "ja"
           ]
          }
         },
         {
          "name": "cluster",
          "in": "query",
          "schema": {
           "type": "string",
           "enum": [
            "Succes",
            "Gestaag herstel",
            "Terugval",
            "Vroegsignalering"
           ]
          }
         },
         {
          "name": "limit",
          "in": "query",
          "schema": {
           "type": "integer",
           "minimum": 1,
           "maximum": 4000
          }
         }
        ],
        "responses": {
         "200": {
          "description": "radar",
          "content": {
           "application/json": {
            "schema": {
             "$ref": "#/components/schemas/Radar"
            }
           }
          }
         },
         "400": {
          "$ref": "#/components/responses/Error"
         },
         "404": {
          "$ref": "#/components/responses/Error"
         }
        }
       }
      },
      "/api/v1/knowledge": {
       "get": {
        "summary": "Zoek in interventies en opgaven (Nederlandse stamvormen, accentongevoelig) met facetten",
        "parameters": [
         {
          "name": "q",
          "in": "query",
          "schema": {
           "$ref": "#/components/schemas/Text"
          }
         },
         {
          "name": "soort",
          "in": "query",
          "schema": {
           "type": "string",
           "enum": [
            "interventie",
            "opgave",
            "onderzoek",
            "overdracht",
            "verslag"
           ]
          }
         },
         {
          "name": "thema",
          "in": "query",
          "schema": {
           "$ref": "#/components/schemas/Text"
          }
         },
         {
          "name": "aspect",
          "in": "query",
          "schema": {
           "type": "string",
           "enum": [
            "koppelen",
            "partijen",
            "financiering",
            "regelgeving"
           ]
          }
         },
         {
          "name": "stad",
          "in": "query",
          "schema": {
           "$ref": "#/components/schemas/Text"
          }
         },
         {
          "name": "bewijs",
          "in": "query",
          "schema": {
           "$ref": "#/components/schemas/Text"
          }
         },
         {
          "name": "financier",
          "in": "query",
          "schema": {
           "$ref": "#/components/schemas/Text"
          }
         },
         {
          "name": "partij",
          "in": "query",
          "schema": {
           "$ref": "#/components/schemas/Text"
          }
         },
         {
          "name": "jaar",
          "in": "query",
          "schema": {
           "$ref": "#/components/schemas/Text"
          }
         }
        ],
        "responses": {
         "200": {
          "description": "treffers en facetten",
          "content": {
           "application/json": {
            "schema": {
             "$ref": "#/components/schemas/KnowledgeSearch"
            }
           }
          }
         },
         "400": {
          "$ref": "#/components/responses/Error"
         }
        }
       }
      },
      "/api/v1/knowledge/export": {
       "get": {
        "summary": "Alle kennisrecords als open data (CC BY 4.0)",
        "responses": {
         "200": {
          "description": "export",
          "content": {
           "application/json": {
            "schema": {
             "type": "object",
             "properties": {
              "source": {
               "type": "string"
              },
              "licence": {
               "type": "string"
              },
              "records": {
               "type": "array",
               "items": {
                "$ref": "#/components/schemas/KnowledgeRecord"
               }
              }
             }
            }
           }
          }
         },
         "400": {
          "$ref": "#/components/responses/Error"
         }
        }
       }
      },
      "/api/v1/knowledge/{id}": {
       "get": {
        "summary": "Eén kennisrecord",
        "parameters": [
         {
          "name": "id",
          "in": "path",
          "required": true,
          "schema": {
           "type": "integer"
          }
         }
        ],
        "responses": {
         "200": {
          "description": "record",
          "content": {
           "application/json": {
            "schema": {
             "$ref": "#/components/schemas/KnowledgeRecord"
            }
           }
          }
         },
         "404": {
          "$ref": "#/components/responses/Error"
         },
         "400": {
          "$ref": "#/components/responses/Error"
         }
        }
       }
      }
     },
     "components": {
      "parameters": {
       "Code": {
        "name": "code",
        "in": "path",
        "required": true,
        "description": "CBS-regiocode: GM0114, WK011443, BU01144301",
        "schema": {
         "type": "string",
         "pattern": "^ *([Gg][Mm][0-9]{4}|[Ww][Kk][0-9]{4}[0-9A-Za-z]{2}|[Bb][Uu][0-9]{4}[0-9A-Za-z]{4}) *$"
        }
       }
      },
      "responses": {
       "Error": {
        "description": "fout, met een Nederlandse melding (400: ongeldige parameter of een stuurteken in het adres)",
        "content": {
         "application/json": {
          "schema": {
           "$ref": "#/components/schemas/Error"
          }
         }
        }
       }
      },
      "schemas": {
       "Error": {
        "type": "object",
        "required": [
         "error"
        ],
        "properties": {
         "error": {
          "type": "string"
         }
        }
       },
       "Health": {
        "type": "object",
        "properties": {
         "status": {
          "type": "string"
         },
         "database": {
          "type": "string"
         },
         "datasets": {
          "type": "integer"
         },
         "regions": {
          "type": "integer"
         }
        }
       },
       "Cell": {
        "type": "object",
        "required": [
         "status"
        ],
        "properties": {
         "status": {
          "type": "string",
          "enum": [
           "value",
           "secret",
           "missing",
           "not_applicable",
           "computed"
          ]
         },
         "value": {
          "type": "number",
          "nullable": true
         }
        }
       },
       "Source": {
        "type": "object",
        "properties": {
         "dataset": {
          "type": "string"
         },
         "table": {
          "type": "string"
         },
         "year": {
          "type": "integer"
         },
         "attribution": {
          "type": "string"
         },
         "licence": {
          "type": "string"
         }
        }
       },
       "Dataset": {
        "type": "object",
        "properties": {
         "slug": {
          "type": "string"
         },
         "source": {
          "type": "string"
         },
         "table": {
          "type": "string"
         },
         "title": {
          "type": "string"
         },
         "year": {
          "type": "integer"
         },
         "licence": {
          "type": "string"
         },
         "attribution": {
          "type": "string"
         },
         "format": {
          "type": "string"
         },
         "fileName": {
          "type": "string"
         },
         "sha256": {
          "type": "string"
         },
         "rows": {
          "type": "integer"
         },
         "cells": {
          "type": "integer"
         },
         "secret": {
          "type": "integer"
         },
         "importedAt": {
          "type": "string"
         },
         "indicators": {
          "type": "array",
          "items": {
           "type": "string"
          }
         }
        }
       },
       "RegionSummary": {
        "type": "object",
        "properties": {
         "code": {
          "type": "string"
         },
         "name": {
          "type": "string"
         },
         "level": {
          "type": "string",
          "enum": [
           "gemeente",
           "wijk",
           "buurt"
          ]
         },
         "municipality": {
          "type": "string"
         }
        }
       },
       "Region": {
        "type": "object",
        "properties": {
         "code": {
          "type": "string"
         },
         "name": {
          "type": "string"
         },
         "level": {
          "type": "string"
         },
         "municipality": {
          "type": "string"
         },
         "indelingYears": {
          "type": "array",
          "items": {
           "type": "integer"
          }
         },
         "attribution": {
          "type": "array",
          "items": {
           "type": "string"
          }
         },
         "observations": {
          "type": "array",
          "items": {
           "type": "object",
           "properties": {
            "indicator": {
             "type": "string"
            },
            "period": {
             "type": "integer"
            },
            "status": {
             "type": "string"
            },
            "value": {
             "type": "number",
             "nullable": true
            },
            "dataset": {
             "type": "string"
            }
           }
          }
         }
        }
       },
       "Profile": {
        "type": "object",
        "properties": {
         "code": {
          "type": "string"
         },
         "name": {
          "type": "string"
         },
         "period": {
          "type": "integer"
         },
         "rows": {
          "type": "array",
          "items": {
           "type": "object",
           "properties": {
            "indicator": {
             "type": "string"
            },
            "label": {
             "type": "string"
            },
            "unit": {
             "type": "string"
            },
            "domain": {
             "type": "string"
            },
            "stigmatising": {
             "type": "boolean"
            },
            "value": {
             "$ref": "#/components/schemas/Cell"
            },
            "municipality": {
             "$ref": "#/components/schemas/Cell"
            },
            "national": {
             "$ref": "#/components/schemas/Cell"
            },
            "percentile": {
             "type": "number",
             "nullable": true
            },
            "zScore": {
             "type": "number",
             "nullable": true
            },
            "source": {
             "$ref": "#/components/schemas/Source"
            }
           }
          }
         }
        }
       },
       "Neighbour": {
        "type": "object",
        "properties": {
         "code": {
          "type": "string"
         },
         "name": {
          "type": "string"
         },
         "distance": {
          "type": "number"
         },
         "closestOn": {
          "type": "array",
          "items": {
           "type": "string"
          }
         }
        }
       },
       "Signals": {
        "type": "object",
        "properties": {
         "code": {
          "type": "string"
         },
         "signal": {
          "type": "boolean"
         },
         "fired": {
          "type": "integer"
         },
         "composite": {
          "type": "number",
          "nullable": true
         },
         "cluster": {
          "type": "string",
          "nullable": true
         },
         "unavailable": {
          "type": "array",
          "items": {
           "type": "string"
          }
         },
         "flags": {
          "type": "array",
          "items": {
           "type": "object",
           "properties": {
            "rule": {
             "type": "string"
            },
            "label": {
             "type": "string"
            },
            "indicator": {
             "type": "string"
            },
            "value": {
             "type": "number"
            },
            "mean": {
             "type": "number"
            },
            "zScore": {
             "type": "number"
            },
            "fires": {
             "type": "boolean"
            }
           }
          }
         }
        }
       },
       "KnowledgeSearch": {
        "type": "object",
        "properties": {
         "hits": {
          "type": "array",
          "items": {
           "type": "object",
           "properties": {
            "id": {
             "type": "integer"
            },
            "kind": {
             "type": "string"
            },
            "title": {
             "type": "string"
            },
            "score": {
             "type": "number"
            }
           }
          }
         },
         "facets": {
          "type": "object",
          "additionalProperties": {
           "type": "array",
           "items": {
            "type": "object",
            "properties": {
             "value": {
              "type": "string"
             },
             "count": {
              "type": "integer"
             }
            }
           }
          }
         }
        }
       },
       "KnowledgeRecord": {
        "type": "object",
        "properties": {
         "id": {
          "type": "integer"
         },
         "kind": {
          "type": "string"
         },
         "title": {
          "type": "string"
         },
         "version": {
          "type": "integer"
         },
         "record": {
          "type": "object",
          "description": "alle velden van de interventie of opgave"
         }
        }
       },
       "Radar": {
        "type": "object",
        "properties": {
         "period": {
          "type": "integer"
         },
         "total": {
          "type": "integer"
         },
         "matching": {
          "type": "integer"
         },
         "source": {
          "$ref": "#/components/schemas/Source"
         },
         "rows": {
          "type": "array",
          "items": {
           "type": "object",
           "properties": {
            "rank": {
             "type": "integer"
            },
            "code": {
             "type": "string"
            },
            "name": {
             "type": "string"
            },
            "municipality": {
             "type": "string"
            },
            "province": {
             "type": "string"
            },
            "population": {
             "type": "number",
             "nullable": true
            },
            "composite": {
             "type": "number",
             "nullable": true
            },
            "fired": {
             "type": "integer"
            },
            "signal": {
             "type": "boolean"
            },
            "cluster": {
             "type": "string",
             "nullable": true
            },
            "programme": {
             "type": "boolean"
            }
           }
          }
         }
        }
       },
       "Text": {
        "type": "string",
        "description": "tekst zonder stuurtekens (een adres met een stuurteken krijgt 400)",
        "pattern": "^[^\\u0000-\\u001f\\u007f-\\u009f]*$"
       }
      }
     }
    }
    """#
}
