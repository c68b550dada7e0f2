"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.HELLO = void 0;
exports.HELLO = 'hej';
//# sourceMappingURL=index.js.map